/**
 * A map that stops growing at `limit` entries: later keys get `undefined` from {@link get}, so the
 * caller falls back to an uncached path instead of memory growing with unbounded keys.
 */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit: number) {}

  /** The cached value of `key`, made by `make` on first use while there is room. */
  get(key: string, make: () => V): V | undefined {
    let value = this.map.get(key);
    if (value === undefined && this.map.size < this.limit) {
      value = make();
      this.map.set(key, value);
    }
    return value;
  }
}
