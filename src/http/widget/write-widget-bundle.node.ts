/** `npm run build:widget`: rebuilds widget-bundle.generated.ts and prints the bundle's size. */
import { writeFileSync } from 'node:fs';
import { BUNDLE_MODULE, buildWidget, bundleModuleSource } from './build-widget.node.js';

const build = await buildWidget();
writeFileSync(BUNDLE_MODULE, bundleModuleSource(build));
console.log(`widget.js: ${build.code.length} bytes, ${build.gzipBytes} bytes gzipped, ${build.br.length} bytes brotli -> ${BUNDLE_MODULE}`);
