/** The slice of the Cloudflare D1 binding the D1 stores call, typed after @cloudflare/workers-types. */

/** A prepared D1 statement (`D1PreparedStatement`): the calls the feedback store makes. */
export interface D1Statement {
  bind(...values: unknown[]): D1Statement;
  run(): Promise<unknown>;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
}

/** `env.FEEDBACK_DB`: a D1 database (`D1Database`). */
export interface D1Binding {
  prepare(sql: string): D1Statement;
}
