/**
 * A small map from a string key to a bound instrument handle, capped so that a caller passing
 * unbounded operation names cannot grow it without limit (past the cap, callers use the unbound path,
 * where the instrument's cardinality guard applies).
 */
export class BoundCache<T> {
  private readonly map = new Map<string, T>();

  constructor(private readonly max: number) {}

  /** Returns the cached value for `key`, creating it with `make` while there is room. */
  get(key: string, make: () => T): T | undefined {
    const found = this.map.get(key);
    if (found !== undefined) return found;
    if (this.map.size >= this.max) return undefined;
    const made = make();
    this.map.set(key, made);
    return made;
  }
}
