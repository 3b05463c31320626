/**
 * A bounded map whose entries expire: used to drop Slack's retries of an event already being
 * answered and to remember recent answers for "post to channel". Bounded so a flood of events
 * cannot grow memory; the oldest entry goes first when full.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(private readonly options: { maxEntries: number; ttlMs: number; now?: () => number }) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.options.ttlMs });
    // Map iteration is insertion order, so the first key is the oldest.
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Records `key` and says whether it was already there (and unexpired): check and mark in one step. */
  seen(this: TtlCache<true>, key: string): boolean {
    if (this.get(key) !== undefined) return true;
    this.set(key, true);
    return false;
  }

  get size(): number {
    return this.entries.size;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
