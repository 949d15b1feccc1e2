import type { Context } from '@opentelemetry/api';

/** Longest chain before a context is flattened into one map, so lookups stay short. */
const MAX_DEPTH = 16;

/** Marks a key removed by `deleteValue`. */
const ABSENT = Symbol('otelkit.context.absent');

/**
 * A `Context` that stores one key/value and points at its parent, instead of copying a map (and
 * creating three closures) on every `setValue` as the API's `BaseContext` does. A server request's
 * context is derived three to five times (extracted parent, baggage, span, request state), so this is
 * the cheaper shape. Lookups walk at most {@link MAX_DEPTH} links: a deeper chain is folded into one
 * map node. Behaves like `BaseContext`: immutable, `deleteValue` hides the key, unknown keys are
 * `undefined`.
 * @internal
 */
export class LinkedContext implements Context {
  private constructor(
    private readonly parent: LinkedContext | undefined,
    private readonly key: symbol | undefined,
    private readonly value: unknown,
    private readonly depth: number,
    private readonly flat: ReadonlyMap<symbol, unknown> | undefined,
  ) {}

  /** An empty context to derive a request's context from. */
  static root(): LinkedContext {
    return new LinkedContext(undefined, undefined, undefined, 0, undefined);
  }

  getValue(key: symbol): unknown {
    let node: LinkedContext | undefined = this;
    while (node !== undefined) {
      if (node.flat !== undefined) {
        const value = node.flat.get(key);
        return value === ABSENT ? undefined : value;
      }
      if (node.key === key) return node.value === ABSENT ? undefined : node.value;
      node = node.parent;
    }
    return undefined;
  }

  setValue(key: symbol, value: unknown): Context {
    return this.derive(key, value);
  }

  deleteValue(key: symbol): Context {
    return this.derive(key, ABSENT);
  }

  private derive(key: symbol, value: unknown): LinkedContext {
    if (this.depth < MAX_DEPTH) return new LinkedContext(this, key, value, this.depth + 1, undefined);
    const entries = new Map<symbol, unknown>();
    this.collect(entries);
    entries.set(key, value);
    return new LinkedContext(undefined, undefined, undefined, 0, entries);
  }

  /** Every key along the chain, nearest first (a deleted key keeps its `ABSENT` mark). */
  private collect(into: Map<symbol, unknown>): void {
    let node: LinkedContext | undefined = this;
    while (node !== undefined) {
      if (node.flat !== undefined) {
        for (const [k, v] of node.flat) if (!into.has(k)) into.set(k, v);
        return;
      }
      if (node.key !== undefined && !into.has(node.key)) into.set(node.key, node.value);
      node = node.parent;
    }
  }
}
