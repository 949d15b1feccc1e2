import { type Attributes, type AttributeValue, diag } from '@opentelemetry/api';

/** The attribute OpenTelemetry puts on the series that absorbs measurements past the limit. */
export const OVERFLOW_ATTRIBUTES: Attributes = Object.freeze({ 'otel.metric.overflow': true });
const EMPTY: Attributes = Object.freeze({});
const SLOW = Symbol('slow');
const OVERFLOW_KEY = '\u0002overflow';
const MAX_STRING = 1024;

function isPrimitive(value: unknown): value is string | number | boolean {
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean';
}

function isAttributeValue(value: unknown): value is AttributeValue {
  if (isPrimitive(value)) return true;
  if (!Array.isArray(value)) return false;
  for (const item of value) if (item !== null && item !== undefined && !isPrimitive(item)) return false;
  return true;
}

/**
 * Per-instrument cardinality guard. It admits up to `limit` distinct attribute sets; measurements with
 * any further set go to OpenTelemetry's overflow series (`otel.metric.overflow=true`) and are counted,
 * so one unbounded label can neither exhaust memory nor disappear silently.
 *
 * It also drops attributes whose values are not valid OpenTelemetry attribute values (objects, functions,
 * `undefined`) and clips very long strings, with a `diag.warn`, instead of throwing into the app.
 */
export class CardinalityGuard {
  /** Measurements routed to the overflow series since start. */
  overflowed = 0;
  /** Attributes dropped because their values were not attribute values (objects, functions, ...). */
  droppedAttributes = 0;
  /** Per-series state of aggregating instruments, by canonical key (at most limit + 1). */
  private readonly payloads = new Map<string, unknown>();
  /** Admitted sets in callers' property orders (fast path), at most twice the limit. */
  private readonly seen = new TrieNode();
  private orders = 0;
  /** Order-independent keys of the admitted attribute sets: the real count, at most `limit`. */
  private readonly sets = new Set<string>();
  private warned = false;
  private warnedSanitize = false;

  constructor(
    readonly instrument: string,
    private readonly limit: number,
  ) {}

  /** Number of distinct attribute sets admitted. */
  get series(): number {
    return this.sets.size;
  }

  /** Returns the attributes to record with: the given ones, a cleaned copy, or the overflow set. */
  admit(attributes: Attributes | undefined): Attributes {
    if (attributes === undefined) return EMPTY;
    const node = this.find(attributes);
    if (node === SLOW) return this.slow(attributes);
    return node?.end === true ? attributes : this.miss(attributes);
  }

  /**
   * The per-series state (`make` creates it once per admitted attribute set, or once for the overflow
   * series), found on the fast path with one walk of the trie: for instruments that aggregate in
   * process, such as otelkit's histograms.
   */
  seriesOf<T>(given: Attributes | undefined, make: (admitted: Attributes) => T): T {
    const attributes = given ?? EMPTY;
    const node = this.find(attributes);
    if (node !== SLOW && node?.payload !== undefined) return node.payload as T;
    const admitted = this.admit(attributes);
    const key = admitted === OVERFLOW_ATTRIBUTES ? OVERFLOW_KEY : canonicalKey(admitted);
    let payload = this.payloads.get(key) as T | undefined;
    if (payload === undefined) {
      payload = make(admitted);
      this.payloads.set(key, payload);
    }
    if (admitted === attributes) {
      const own = this.find(attributes);
      if (own !== SLOW && own?.end === true) own.payload = payload;
    }
    return payload;
  }

  /**
   * Fast path: walks a trie of (name, value) in the caller's property order. A call site always builds
   * its attributes in the same order, so after the first measurement of a set this is a few Map lookups
   * of (usually internalized) strings, with no allocation and no hashing of a built key. Returns `SLOW`
   * when a value needs cleaning, `undefined` when this order of this set was not seen yet.
   */
  private find(attributes: Attributes): TrieNode | undefined | typeof SLOW {
    let node: TrieNode | undefined = this.seen;
    for (const name in attributes) {
      const value = attributes[name];
      const t = typeof value;
      if (t === 'string') {
        if ((value as string).length > MAX_STRING) return SLOW;
      } else if (t !== 'number' && t !== 'boolean') return SLOW;
      // After a miss keep going: every value must still be checked before the set is admitted.
      if (node !== undefined) node = node.step(name, value as string | number | boolean);
    }
    return node;
  }

  /**
   * First sight of this property order: decide on the order-independent (sorted) key, so that
   * `{a, b}` and `{b, a}` are one attribute set, as they are for OpenTelemetry.
   */
  private miss(attributes: Attributes): Attributes {
    const canonical = canonicalKey(attributes);
    if (this.sets.has(canonical)) {
      if (this.orders < this.limit * 2) this.remember(attributes);
      return attributes;
    }
    if (this.sets.size < this.limit) {
      this.sets.add(canonical);
      this.remember(attributes);
      return attributes;
    }
    this.overflowed++;
    if (!this.warned) {
      this.warned = true;
      diag.warn(
        `otelkit: instrument "${this.instrument}" reached its cardinality limit of ${this.limit} attribute sets; ` +
          'further sets are recorded in the otel.metric.overflow series (see otelkit_metric_overflow_measurements_total)',
      );
    }
    return OVERFLOW_ATTRIBUTES;
  }

  /** Adds this property order of an admitted set to the fast-path trie. */
  private remember(attributes: Attributes): void {
    let node = this.seen;
    for (const name in attributes) node = node.child(name, attributes[name] as string | number | boolean);
    if (!node.end) {
      node.end = true;
      this.orders++;
    }
  }

  /** Attributes with values that need cleaning: drop invalid ones, clip long strings, then admit. */
  private slow(attributes: Attributes): Attributes {
    const clean = this.sanitize(attributes, Object.keys(attributes));
    if (Object.keys(clean).some((k) => typeof clean[k] === 'object')) return this.miss(clean);
    return this.admit(clean);
  }

  private sanitize(attributes: Attributes, keys: readonly string[]): Attributes {
    const out: Attributes = {};
    for (const name of keys) {
      const value: unknown = attributes[name];
      if (value === undefined || value === null) continue;
      if (!isAttributeValue(value)) {
        this.droppedAttributes++;
        if (!this.warnedSanitize) {
          this.warnedSanitize = true;
          diag.warn(
            `otelkit: dropped attribute "${name}" of instrument "${this.instrument}": ` +
              'not a string, number, boolean or array of them (warned once per instrument)',
          );
        }
        continue;
      }
      out[name] =
        typeof value === 'string' && value.length > MAX_STRING ? `${value.slice(0, MAX_STRING - 1)}…` : value;
    }
    return out;
  }
}

/** The order-independent identity of an attribute set. */
function canonicalKey(attributes: Attributes): string {
  const keys = Object.keys(attributes).sort();
  let key = '';
  for (const name of keys) {
    const value = attributes[name];
    if (value === undefined) continue;
    key += `${name}\u0000${typeof value === 'object' ? JSON.stringify(value) : String(value)}\u0001`;
  }
  return key;
}

/**
 * A node of the fast-path trie. Each level is one attribute: nearly always the same name at the same
 * position (one call site, one property order), so the node keeps that name for a pointer comparison
 * and one Map lookup by value; other names at this position go to a second map.
 */
class TrieNode {
  private name: string | undefined;
  private values: Map<string | number | boolean, TrieNode> | undefined;
  private others: Map<string, Map<string | number | boolean, TrieNode>> | undefined;
  end = false;
  /** Per-series state cached for this property order (see `seriesOf`). */
  payload: unknown = undefined;

  /** The node for (`name`, `value`) below this one, if any. */
  step(name: string, value: string | number | boolean): TrieNode | undefined {
    if (name === this.name) return this.values!.get(value);
    return this.others?.get(name)?.get(value);
  }

  /** The node for (`name`, `value`), created when missing. */
  child(name: string, value: string | number | boolean): TrieNode {
    let values: Map<string | number | boolean, TrieNode> | undefined;
    if (this.name === undefined) {
      this.name = name;
      this.values = new Map();
    }
    if (name === this.name) values = this.values!;
    else {
      this.others ??= new Map();
      values = this.others.get(name);
      if (values === undefined) {
        values = new Map();
        this.others.set(name, values);
      }
    }
    let next = values.get(value);
    if (next === undefined) {
      next = new TrieNode();
      values.set(value, next);
    }
    return next;
  }
}
