import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import { type Context, context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { LogRecordProcessor, ReadWriteLogRecord } from '@opentelemetry/sdk-logs';
import fc from 'fast-check';
import { withCorrelationId } from '../../src/correlation/context';
import { LogsRequestEncoder } from '../../src/export/otlp-proto/logs-request';
import { EncodedLogRecord } from '../../src/logs/encoded-log-record';
import { emitPinoCall } from '../../src/logs/log-record';
import { type LogRecordSink, PinoLogRecord } from '../../src/logs/pino-log-record';

const resource = resourceFromAttributes({ 'service.name': 'encoded-unit' });
const scope = { name: '@otelkit/tracing', version: '1.2.3', schemaUrl: undefined };

function sinkOf(preEncoded: boolean): { sink: LogRecordSink; seen: ReadWriteLogRecord[] } {
  const seen: ReadWriteLogRecord[] = [];
  const processor: LogRecordProcessor = {
    onEmit: (record) => {
      seen.push(record);
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };
  return { sink: { resource, scope, processors: [processor], preEncoded }, seen };
}

const SPAN = trace.wrapSpanContext({
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: 1,
});
const CONTEXTS: Context[] = [
  ROOT_CONTEXT,
  trace.setSpan(ROOT_CONTEXT, SPAN),
  withCorrelationId(trace.setSpan(ROOT_CONTEXT, SPAN), 'corr-7'),
  withCorrelationId(ROOT_CONTEXT, 'corr-8'),
];

/** Keys, including the ones the direct path must not write in its own order. */
const key = fc.oneof(
  fc.constantFrom('name', 'orderId', 'msg', 'correlation.id', '0', '12', '1a', 'user', 'exception.type'),
  fc.string({ maxLength: 6 }),
);
/** What pino calls carry: every kind toAnyValue treats apart, nested deeper than it writes out. */
const leaf = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.bigInt(),
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(() => 1),
  fc.constant(Symbol('s')),
  fc.date({ noInvalidDate: false }),
  fc.uint8Array({ maxLength: 4 }),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('tree'), { maxLength: 3 }),
    fc.dictionary(key, tie('tree'), { maxKeys: 3 }),
  ),
}));
const deep = fc.nat({ max: 11 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { level: value };
  return value;
});
const fields = fc.dictionary(key, fc.oneof(tree, deep), { maxKeys: 6 });
const call = fc.record({
  level: fc.constantFrom(10, 20, 30, 40, 50, 60, 35),
  fields: fc.option(fields, { nil: undefined }),
  template: fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.constant('n=%d s=%s'), tree), {
    nil: undefined,
  }),
  params: fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 2 }),
  error: fc.boolean(),
  bindings: fc.dictionary(key, tree, { maxKeys: 3 }),
  context: fc.nat({ max: CONTEXTS.length - 1 }),
  many: fc.boolean(),
});

describe('EncodedLogRecord (createLogger records written as their OTLP message when emitted)', () => {
  const manager = new AsyncLocalStorageContextManager();
  before(() => context.setGlobalContextManager(manager.enable()));
  after(() => {
    manager.disable();
    context.disable();
    mock.restoreAll();
  });

  it('writes byte for byte what the encoder writes for the PinoLogRecord of the same call', () => {
    mock.method(Date, 'now', () => 1_765_000_000_123);
    const encoder = new LogsRequestEncoder();
    let direct = 0;
    let runs = 0;
    fc.assert(
      fc.property(call, (c) => {
        const args: unknown[] = [];
        let wasError = false;
        if (c.fields !== undefined) {
          const object: Record<string, unknown> = { ...c.fields };
          if (c.many) for (let i = 0; i < 130; i++) object[`k${i}`] = i;
          if (c.error) {
            wasError = true;
            object.type = 'TypeError';
            object.message = 'bad input';
            object.stack = 'TypeError: bad input\n    at x';
          }
          args.push(object);
        }
        if (c.template !== undefined) args.push(c.template, ...c.params);
        const fast = sinkOf(true);
        const slow = sinkOf(false);
        context.with(CONTEXTS[c.context]!, () => {
          emitPinoCall(fast.sink, c.level, [...args], wasError, c.bindings);
          emitPinoCall(slow.sink, c.level, [...args], wasError, c.bindings);
        });
        assert.equal(fast.seen.length, 1);
        assert.ok(slow.seen[0] instanceof PinoLogRecord);
        runs++;
        if (fast.seen[0] instanceof EncodedLogRecord) direct++;
        const ours = Buffer.from(encoder.encode(fast.seen));
        const reference = Buffer.from(encoder.encode(slow.seen));
        assert.ok(ours.equals(reference), `differs at byte ${ours.findIndex((b, i) => b !== reference[i])}`);
      }),
      { numRuns: 500 },
    );
    // The direct path is the common one, not a fallback that hides behind the comparison.
    assert.ok(direct > runs / 3, `${direct} of ${runs} written directly`);
  });

  it('takes the direct path for an ordinary call, and the record path when the order would differ', () => {
    const fast = sinkOf(true);
    context.with(CONTEXTS[2]!, () => {
      emitPinoCall(fast.sink, 30, [{ orderId: 42 }, 'stored'], false, { name: 'orders' });
      emitPinoCall(fast.sink, 30, [{ name: 'other' }, 'name in bindings and fields'], false, {
        name: 'orders',
      });
      emitPinoCall(fast.sink, 30, [{ 'correlation.id': 'x' }, 'overridden'], false, {});
      emitPinoCall(fast.sink, 30, [{ 7: 'index' }, 'array index key'], false, {});
    });
    assert.deepEqual(
      fast.seen.map((r) => r.constructor.name),
      ['EncodedLogRecord', 'PinoLogRecord', 'PinoLogRecord', 'PinoLogRecord'],
    );
  });

  it('keeps each record’s bytes when later records are written (slab views are not reused)', () => {
    const fast = sinkOf(true);
    for (let i = 0; i < 2_000; i++) emitPinoCall(fast.sink, 30, [{ i }, `line ${i}`], false, {});
    const encoder = new LogsRequestEncoder();
    const first = Buffer.from(encoder.encode(fast.seen.slice(0, 1)));
    assert.ok(first.includes(Buffer.from('line 0')));
    const all = Buffer.from(encoder.encode(fast.seen));
    for (const i of [0, 999, 1_999]) assert.ok(all.includes(Buffer.from(`line ${i}`)), `line ${i}`);
  });
});
