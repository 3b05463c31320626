/** The message of anything thrown, without a stack: safe to show in /readyz and logs. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
