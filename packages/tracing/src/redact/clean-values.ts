/**
 * Short strings already found to need no masking (`GET`, `/health`, a host name, a route …):
 * span attribute values and log fields repeat from call to call, and a set lookup costs less than the
 * credential scan. Bounded: once it holds `max` values it starts afresh, so the values that repeat are
 * learnt again after a spray of unique ones (unique paths, IDs) instead of never being remembered.
 * Secrets are never remembered (only values the scan returned unchanged are), so they are masked every time.
 * @internal
 */
export class CleanValues {
  private readonly values = new Set<string>();

  constructor(
    private readonly max = 2_000,
    private readonly maxLength = 128,
  ) {}

  /** How many values are remembered now. */
  get size(): number {
    return this.values.size;
  }

  /** `scan(value)`, skipped for a value remembered as clean; a short value the scan leaves unchanged is remembered. */
  mask(value: string, scan: (text: string) => string): string {
    if (this.values.has(value)) return value;
    const masked = scan(value);
    if (masked === value && value.length <= this.maxLength) {
      if (this.values.size >= this.max) this.values.clear();
      this.values.add(value);
    }
    return masked;
  }
}
