import type { TestProject } from 'vitest/node';
import { startWorker } from './start-worker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    workerUrl: string;
  }
}

/** Global setup of the `workerd` project: one Worker for all *.workerd.test.ts files. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const worker = await startWorker({ vars: { ALLOWED_ORIGINS: 'https://intranet.example.org' } });
  project.provide('workerUrl', worker.url);
  return () => worker.stop();
}
