/**
 * Settles like `promise`, or rejects with `onTimeout()` once `ms` have passed. The call itself is
 * not cancelled (bindings take no signal); the Worker only stops waiting for it.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
