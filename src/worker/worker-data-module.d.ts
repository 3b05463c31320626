/** The generated data module (`npm run build:worker`), mapped by `[alias]` in wrangler.toml: the bundle as JSON text. */
declare module 'policydesk:worker-data' {
  const text: string;
  export default text;
}
