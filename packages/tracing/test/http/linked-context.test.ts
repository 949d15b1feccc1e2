import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Context, createContextKey, ROOT_CONTEXT } from '@opentelemetry/api';
import fc from 'fast-check';
import { LinkedContext } from '../../src/http/linked-context';

const KEYS = Array.from({ length: 6 }, (_, i) => createContextKey(`key-${i}`));

type Op = { set: number; value: number } | { del: number };

describe('LinkedContext', () => {
  it("answers every lookup as the API's BaseContext does, along any chain of sets and deletes", () => {
    const op = fc.oneof(
      fc.record({ set: fc.nat(KEYS.length - 1), value: fc.integer() }),
      fc.record({ del: fc.nat(KEYS.length - 1) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops: Op[]) => {
        let linked: Context = LinkedContext.root();
        let base: Context = ROOT_CONTEXT;
        const history: Array<[Context, Context]> = [[linked, base]];
        for (const o of ops) {
          if ('set' in o) {
            linked = linked.setValue(KEYS[o.set]!, o.value);
            base = base.setValue(KEYS[o.set]!, o.value);
          } else {
            linked = linked.deleteValue(KEYS[o.del]!);
            base = base.deleteValue(KEYS[o.del]!);
          }
          history.push([linked, base]);
        }
        // Every context along the way is unchanged by what was derived from it (immutability).
        for (const [l, b] of history) {
          for (const key of KEYS) assert.equal(l.getValue(key), b.getValue(key));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps lookups short on deep chains (folded after 16 links) without losing values', () => {
    let ctx: Context = LinkedContext.root();
    const keys = Array.from({ length: 100 }, (_, i) => createContextKey(`deep-${i}`));
    for (const [i, key] of keys.entries()) ctx = ctx.setValue(key, i);
    for (const [i, key] of keys.entries()) assert.equal(ctx.getValue(key), i);
    assert.equal(ctx.deleteValue(keys[3]!).getValue(keys[3]!), undefined);
  });
});
