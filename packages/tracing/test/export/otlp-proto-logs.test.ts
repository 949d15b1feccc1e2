import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { AnyValue, AnyValueMap, LogRecord } from '@opentelemetry/api-logs';
import { ProtobufLogsSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { LoggerProvider, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
import fc from 'fast-check';
import { decodeProtobufLogs } from '../../../../test/tracing/helpers/otlp-logs';
import { LogsRequestEncoder } from '../../src/export/otlp-proto/logs-request';
import { attributes, text, value } from './otlp-arbitraries';

/** Log bodies: any attribute value, maps nested two deep, null. */
const body: fc.Arbitrary<AnyValue> = fc.oneof(
  value as fc.Arbitrary<AnyValue>,
  fc.dictionary(text, fc.oneof(value, fc.dictionary(text, value, { maxKeys: 3 })), {
    maxKeys: 4,
  }) as fc.Arbitrary<AnyValue>,
  fc.constant(null),
  fc.uint8Array({ maxLength: 200 }),
  fc.array(fc.uint8Array({ maxLength: 3 }), { maxLength: 2 }) as fc.Arbitrary<AnyValue>,
);
const hex = (bytes: number) =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Buffer.from(b).toString('hex'));
const recordSpec = fc.record({
  severityNumber: fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }),
  severityText: fc.option(text, { nil: undefined }),
  body: fc.option(body, { nil: undefined }),
  attributes: fc.option(attributes, { nil: undefined }),
  eventName: fc.option(text, { nil: undefined }),
  span: fc.option(fc.record({ traceId: hex(16), spanId: hex(8), traceFlags: fc.constantFrom(0, 1) }), {
    nil: undefined,
  }),
  scope: fc.nat({ max: 2 }),
  resource: fc.nat({ max: 1 }),
});
type RecordSpec = typeof recordSpec extends fc.Arbitrary<infer T> ? T : never;

/** Emitted SDK log records, spread over two resources and three scopes (one with a schema URL). */
function makeRecords(specs: readonly RecordSpec[]): ReadableLogRecord[] {
  const emitted: ReadableLogRecord[] = [];
  const processor = {
    onEmit: (record: ReadableLogRecord) => emitted.push(record),
    forceFlush: async () => {},
    shutdown: async () => {},
  };
  const providers = [
    resourceFromAttributes({ 'service.name': 'wire', 'process.pid': 4242 }),
    resourceFromAttributes(
      { 'service.name': 'other' },
      { schemaUrl: 'https://opentelemetry.io/schemas/1.30.0' },
    ),
  ].map((resource) => new LoggerProvider({ resource, processors: [processor] }));
  for (const spec of specs) {
    const provider = providers[spec.resource]!;
    const logger = [
      provider.getLogger('@otelkit/tracing', '1.0.0'),
      provider.getLogger('plain'),
      provider.getLogger('schema', '0.1', { schemaUrl: 'https://example.com/s' }),
    ][spec.scope]!;
    const record: LogRecord = {
      severityNumber: spec.severityNumber,
      severityText: spec.severityText,
      body: spec.body,
      attributes: spec.attributes as AnyValueMap | undefined,
      eventName: spec.eventName,
      context:
        spec.span === undefined
          ? ROOT_CONTEXT
          : trace.setSpanContext(ROOT_CONTEXT, { ...spec.span, isRemote: false }),
    };
    logger.emit(record);
  }
  return emitted;
}

describe('LogsRequestEncoder (OTLP/protobuf logs in one pass)', () => {
  it('writes byte for byte what the upstream ProtobufLogsSerializer writes, for any log records', () => {
    const encoder = new LogsRequestEncoder();
    fc.assert(
      fc.property(fc.array(recordSpec, { minLength: 1, maxLength: 12 }), (specs) => {
        const records = makeRecords(specs);
        const ours = Buffer.from(encoder.encode(records));
        const upstream = Buffer.from(ProtobufLogsSerializer.serializeRequest(records)!);
        assert.ok(ours.equals(upstream), `differs at byte ${ours.findIndex((b, i) => b !== upstream[i])}`);
      }),
      { numRuns: 300 },
    );
  });

  it('is read by an independent decoder (protobufjs and the official .proto files)', () => {
    const records = makeRecords([
      {
        severityNumber: 17,
        severityText: 'ERROR',
        body: { msg: 'payment failed', nested: { attempt: 3 } },
        attributes: { 'correlation.id': 'c-1', amount: 12.5 },
        eventName: undefined,
        span: { traceId: 'ab'.repeat(16), spanId: 'cd'.repeat(8), traceFlags: 1 },
        scope: 0,
        resource: 0,
      },
    ]);
    const [decoded] = decodeProtobufLogs(new LogsRequestEncoder().encode(records));
    assert.deepEqual(decoded, {
      resource: { 'service.name': 'wire', 'process.pid': 4242 },
      scope: '@otelkit/tracing',
      traceId: 'ab'.repeat(16),
      spanId: 'cd'.repeat(8),
      flags: 1,
      severityNumber: 17,
      severityText: 'ERROR',
      body: { msg: 'payment failed', nested: { attempt: 3 } },
      attributes: { 'correlation.id': 'c-1', amount: 12.5 },
    });
  });
});
