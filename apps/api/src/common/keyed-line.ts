/**
 * One line per key inside this process: work for the same key runs one at a time, in arrival order; other keys run
 * freely. Used where every request for a key would anyway queue on the same database row lock (a session's seats), so
 * that a burst waits here, costing memory, instead of each request holding a pooled connection while it waits for
 * the lock and starving every other route of connections. Correctness still comes from the row lock, which also
 * orders several API processes.
 */
export class KeyedLine {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work waiting or running (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
