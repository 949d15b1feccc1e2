/**
 * Counts items by type for a gauge with a `type` attribute, remembering every type seen before.
 *
 * An observable instrument with cumulative temporality keeps reporting the last value of an attribute set
 * that is no longer observed, so a handle type that went away would stay frozen at its old count. Types
 * seen earlier and absent now are therefore reported as 0 (prom-client drops them; 0 sums the same).
 */
export class TypeCounts {
  private readonly seen = new Set<string>();

  /** Counts `types` (one entry per item) and adds a 0 for every earlier type that is gone. */
  count(types: Iterable<string>): Map<string, number> {
    const counts = new Map<string, number>();
    for (const type of types) {
      counts.set(type, (counts.get(type) ?? 0) + 1);
      this.seen.add(type);
    }
    for (const type of this.seen) if (!counts.has(type)) counts.set(type, 0);
    return counts;
  }
}

/** The constructor names of `items`, the way prom-client labels `nodejs_active_handles{type}`. */
export function* constructorNames(items: readonly unknown[]): Generator<string> {
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const name: unknown = item.constructor?.name;
    if (typeof name === 'string' && name !== '') yield name;
  }
}
