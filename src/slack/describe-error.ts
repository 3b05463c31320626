/** An error as one loggable string, stack included: for logs only, never for users. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.stack ?? `${error.name}: ${error.message}`;
}
