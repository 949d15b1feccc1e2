import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type AnyValue,
  type Attributes,
  type Context,
  context,
  ROOT_CONTEXT,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  LoggerProvider,
  type LogRecordProcessor,
  type ReadableLogRecord,
  type ReadWriteLogRecord,
} from '@opentelemetry/sdk-logs';
import { withCorrelationId } from '../../src/correlation/context';
import { emitPinoCall, pinoSeverity } from '../../src/logs/log-record';
import { LOG_RECORD_LIMITS, type LogRecordSink } from '../../src/logs/pino-log-record';

/** A processor that keeps what it is handed, and may change the record while it has it. */
function recorder(change?: (record: ReadWriteLogRecord) => void) {
  const seen: ReadWriteLogRecord[] = [];
  const processor: LogRecordProcessor = {
    onEmit(record) {
      change?.(record);
      seen.push(record);
    },
    forceFlush: async () => {},
    shutdown: async () => {},
  };
  return { seen, processor };
}

const resource = resourceFromAttributes({ 'service.name': 'record-unit' });
const SPAN = trace.wrapSpanContext({
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: 1,
});
const IN_SPAN: Context = withCorrelationId(trace.setSpan(ROOT_CONTEXT, SPAN), 'corr-7');

/** The fields a processor or exporter reads, times left out (each record takes its own `Date.now()`). */
function content(record: ReadableLogRecord) {
  return {
    spanContext: record.spanContext,
    severityNumber: record.severityNumber,
    severityText: record.severityText,
    body: record.body,
    eventName: record.eventName,
    attributes: record.attributes,
    droppedAttributesCount: record.droppedAttributesCount,
    resource: record.resource,
    scope: { name: record.instrumentationScope.name, version: record.instrumentationScope.version },
  };
}

/**
 * The same call through our path (emitPinoCall) and through the SDK's `Logger.emit` with what the
 * earlier code handed it; returns both records as processors saw them.
 */
function both(
  ctx: Context,
  level: number,
  args: unknown[],
  expected: { body: AnyValue; attributes: Attributes },
  bindings: Record<string, unknown> = {},
) {
  const ours = recorder();
  const sdk = recorder();
  const sink: LogRecordSink = {
    resource,
    scope: { name: '@otelkit/tracing', version: '1.2.3', schemaUrl: undefined },
    processors: [ours.processor],
  };
  const provider = new LoggerProvider({
    resource,
    processors: [sdk.processor],
    logRecordLimits: LOG_RECORD_LIMITS,
  });
  const [severityNumber, severityText] = pinoSeverity(level);
  const before = Date.now();
  context.with(ctx, () => {
    emitPinoCall(sink, level, args, false, bindings);
    provider.getLogger('@otelkit/tracing', '1.2.3').emit({
      severityNumber,
      severityText,
      body: expected.body,
      attributes: expected.attributes,
      context: ctx,
    });
  });
  const [record] = ours.seen;
  const [reference] = sdk.seen;
  assert.ok(record !== undefined && reference !== undefined);
  const ms = record.hrTime[0] * 1000 + record.hrTime[1] / 1e6;
  assert.ok(ms >= before && ms <= Date.now(), 'timestamped when emitted');
  assert.deepEqual(record.hrTimeObserved, record.hrTime);
  return { record, reference };
}

describe('PinoLogRecord (createLogger records handed straight to the processors)', () => {
  const manager = new AsyncLocalStorageContextManager();
  before(() => context.setGlobalContextManager(manager.enable()));
  after(() => {
    manager.disable();
    context.disable();
  });

  it("carries what the SDK's Logger.emit would build: trace ids, severity, body, attributes, correlation.id, resource, scope", () => {
    const { record, reference } = both(
      IN_SPAN,
      40,
      [{ orderId: 42, tags: ['a', 1], when: new Date(0), meta: { vip: true } }, 'order %s', 'A-1'],
      {
        body: 'order A-1',
        attributes: {
          name: 'orders',
          orderId: 42,
          tags: ['a', 1],
          when: '1970-01-01T00:00:00.000Z',
          meta: { vip: true },
          'correlation.id': 'corr-7',
        },
      },
      { name: 'orders' },
    );
    assert.deepEqual(content(record), content(reference));
    assert.equal(record.spanContext?.traceId, '0af7651916cd43dd8448eb211c80319c');
    assert.equal(record.attributes['correlation.id'], 'corr-7');
    assert.equal(record.severityText, 'WARN');
  });

  it('keeps the first 128 attributes and counts the rest as dropped, as the SDK does', () => {
    const fields: Record<string, number> = {};
    for (let i = 0; i < 130; i++) fields[`k${i}`] = i;
    const { record, reference } = both(ROOT_CONTEXT, 30, [fields, 'many'], {
      body: 'many',
      attributes: fields,
    });
    assert.deepEqual(content(record), content(reference));
    assert.equal(Object.keys(record.attributes).length, 128);
    assert.equal(record.droppedAttributesCount, 2);
    assert.equal(record.spanContext, undefined, 'outside a span: no span context');
  });

  it('lets a processor change the record while it holds it, and not after (as the SDK)', () => {
    const changed = recorder((r) => r.setAttribute('added', 'yes').setBody('new body').setSeverityText('X'));
    const later = recorder();
    const sink: LogRecordSink = {
      resource,
      scope: { name: 's', version: undefined, schemaUrl: undefined },
      processors: [changed.processor, later.processor],
    };
    emitPinoCall(sink, 30, ['line'], false, {});
    const [record] = later.seen;
    assert.ok(record !== undefined);
    assert.equal(record.attributes.added, 'yes', 'the next processor sees the change');
    assert.equal(record.body, 'new body');
    assert.equal(record.severityText, 'X');
    record.setAttribute('late', 1).setBody('too late');
    assert.equal(record.attributes.late, undefined, 'read-only once emitted');
    assert.equal(record.body, 'new body');
  });
});
