import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  propagation,
  ROOT_CONTEXT,
  SamplingDecision,
  SpanKind,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CORRELATION_KEY,
  correlationIdFrom,
  getCorrelationAttributes,
  getCorrelationId,
  withCorrelation,
  withCorrelationId,
} from '../../src/correlation/context';
import { isValidCorrelationId, MAX_CORRELATION_ID_LENGTH } from '../../src/correlation/id';
import { createPropagator } from '../../src/propagators';
import { ReloadableSampler } from '../../src/reloadable-sampler';
import { createSampler } from '../../src/sampler';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A context whose parent span is remote and sampled (or not). */
function parent(sampled: boolean) {
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: TRACE_ID,
    spanId: 'b7ad6b7169203331',
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  });
}

function sampled(sampler: { shouldSample: ReloadableSampler['shouldSample'] }, ctx = ROOT_CONTEXT): boolean {
  const { decision } = sampler.shouldSample(ctx, TRACE_ID, 'span', SpanKind.SERVER, {}, []);
  return decision === SamplingDecision.RECORD_AND_SAMPLED;
}

describe('samplers (OTEL_TRACES_SAMPLER)', () => {
  it('always_on and always_off decide alone, even against a parent', () => {
    assert.equal(sampled(createSampler('always_on', 0)), true);
    assert.equal(sampled(createSampler('always_on', 0), parent(false)), true);
    assert.equal(sampled(createSampler('always_off', 1)), false);
    assert.equal(sampled(createSampler('always_off', 1), parent(true)), false);
  });

  it('traceidratio applies the ratio to every span, parent or not', () => {
    assert.equal(sampled(createSampler('traceidratio', 1)), true);
    assert.equal(sampled(createSampler('traceidratio', 0)), false);
    assert.equal(sampled(createSampler('traceidratio', 0), parent(true)), false);
  });

  it('the parent-based presets follow the parent and use their root sampler for new traces', () => {
    const cases = [
      ['parentbased_always_on', 0, true],
      ['parentbased_always_off', 1, false],
      ['parentbased_traceidratio', 1, true],
      ['parentbased_traceidratio', 0, false],
    ] as const;
    for (const [name, ratio, root] of cases) {
      const sampler = createSampler(name, ratio);
      assert.equal(sampled(sampler), root, `${name} ${ratio} root`);
      assert.equal(sampled(sampler, parent(true)), true, `${name} ${ratio} sampled parent`);
      assert.equal(sampled(sampler, parent(false)), false, `${name} ${ratio} unsampled parent`);
    }
  });

  it('a reloadable sampler switches to a new ratio and keeps following the parent', () => {
    const sampler = new ReloadableSampler('parentbased_traceidratio', 0);
    assert.equal(sampled(sampler), false);
    assert.match(sampler.toString(), /ParentBased\{root=TraceIdRatioBased\{0\}/);
    sampler.setRatio(1);
    assert.equal(sampled(sampler), true);
    assert.equal(sampled(sampler, parent(false)), false);
    assert.match(sampler.toString(), /TraceIdRatioBased\{1\}/);
  });
});

describe('propagators (OTEL_PROPAGATORS)', () => {
  function inject(names: Parameters<typeof createPropagator>[0]): Record<string, string> {
    const baggage = propagation.createBaggage({ tenant: { value: 'acme' } });
    const ctx = propagation.setBaggage(parent(true), baggage);
    const carrier: Record<string, string> = {};
    createPropagator(names).inject(ctx, carrier, defaultTextMapSetter);
    return carrier;
  }

  it('sends trace context and baggage as W3C headers, each only when named', () => {
    assert.deepEqual(inject(['tracecontext', 'baggage']), {
      traceparent: `00-${TRACE_ID}-b7ad6b7169203331-01`,
      baggage: 'tenant=acme',
    });
    assert.deepEqual(Object.keys(inject(['tracecontext'])), ['traceparent']);
    assert.deepEqual(Object.keys(inject(['baggage'])), ['baggage']);
    assert.deepEqual(inject(['none']), {});
    assert.deepEqual(createPropagator(['tracecontext', 'baggage']).fields(), [
      'traceparent',
      'tracestate',
      'baggage',
    ]);
    assert.deepEqual(createPropagator(['none']).fields(), []);
  });

  it('reads both back from incoming headers', () => {
    const carrier = { traceparent: `00-${TRACE_ID}-b7ad6b7169203331-01`, baggage: 'correlation.id=abc-1' };
    const ctx = createPropagator(['tracecontext', 'baggage']).extract(
      ROOT_CONTEXT,
      carrier,
      defaultTextMapGetter,
    );
    assert.equal(trace.getSpanContext(ctx)?.traceId, TRACE_ID);
    assert.equal(correlationIdFrom(ctx), 'abc-1');
  });
});

describe('correlation IDs', () => {
  const manager = new AsyncLocalStorageContextManager();
  before(() => {
    manager.enable();
    context.setGlobalContextManager(manager);
  });
  after(() => {
    context.disable();
  });

  it('accept 1 to 128 letters, digits and . _ : ~ -, nothing else', () => {
    assert.equal(isValidCorrelationId('a'), true);
    assert.equal(isValidCorrelationId('Az09._:~-'), true);
    assert.equal(isValidCorrelationId('x'.repeat(MAX_CORRELATION_ID_LENGTH)), true);
    assert.equal(MAX_CORRELATION_ID_LENGTH, 128);
    for (const bad of [
      '',
      'x'.repeat(129),
      'a b',
      'a=b',
      'a,b',
      'a"b',
      'a\nb',
      'é',
      42,
      ['abc'],
      undefined,
    ]) {
      assert.equal(isValidCorrelationId(bad), false, JSON.stringify(bad));
      assert.equal(isValidCorrelationId(bad), false, `${JSON.stringify(bad)} again`);
    }
  });

  it('are read from baggage only when valid', () => {
    const withEntry = (value: string) =>
      propagation.setBaggage(ROOT_CONTEXT, propagation.createBaggage({ [CORRELATION_KEY]: { value } }));
    assert.equal(CORRELATION_KEY, 'correlation.id');
    assert.equal(correlationIdFrom(withEntry('req-42')), 'req-42');
    assert.equal(correlationIdFrom(withEntry('bad value')), undefined);
    assert.equal(correlationIdFrom(ROOT_CONTEXT), undefined);
    const other = propagation.setBaggage(
      ROOT_CONTEXT,
      propagation.createBaggage({ tenant: { value: 'acme' } }),
    );
    assert.equal(correlationIdFrom(other), undefined);
  });

  it('are not matched by the empty string even when it is the first value checked in the process', async () => {
    const fresh: typeof import('../../src/correlation/id') = await import(
      `../../src/correlation/id.ts?fresh=${Date.now()}`
    );
    assert.equal(fresh.isValidCorrelationId(''), false);
  });

  it('are set in baggage beside the other entries', () => {
    const incoming = propagation.setBaggage(
      ROOT_CONTEXT,
      propagation.createBaggage({ tenant: { value: 'acme' }, [CORRELATION_KEY]: { value: 'old' } }),
    );
    const baggage = propagation.getBaggage(withCorrelationId(incoming, 'new-1'));
    assert.equal(baggage?.getEntry('tenant')?.value, 'acme');
    assert.equal(baggage?.getEntry(CORRELATION_KEY)?.value, 'new-1');
    assert.deepEqual(
      propagation
        .getBaggage(withCorrelationId(ROOT_CONTEXT, 'only'))
        ?.getAllEntries()
        .map(([k, e]) => [k, e.value]),
      [[CORRELATION_KEY, 'only']],
    );
  });

  it('withCorrelation() runs fn with the given ID and attributes, and returns its value', () => {
    assert.equal(getCorrelationId(), undefined);
    const result = withCorrelation(
      { id: 'sync-7', operation: 'sync_cycle', source: 'github', skip: undefined },
      () => {
        assert.equal(getCorrelationId(), 'sync-7');
        assert.deepEqual(getCorrelationAttributes(), { 'otelkit.operation': 'sync_cycle', source: 'github' });
        assert.ok(Object.isFrozen(getCorrelationAttributes()));
        return 'done';
      },
    );
    assert.equal(result, 'done');
    assert.equal(getCorrelationId(), undefined);
  });

  it('withCorrelation() generates an ID when none or an invalid one is given, and sets no attributes then', () => {
    withCorrelation({}, () => {
      assert.match(getCorrelationId() ?? '', UUID);
      assert.equal(getCorrelationAttributes(), undefined);
    });
    withCorrelation({ id: 'not valid' }, () => assert.match(getCorrelationId() ?? '', UUID));
    const ids = new Set<string | undefined>();
    for (let i = 0; i < 3; i++) withCorrelation({}, () => ids.add(getCorrelationId()));
    assert.equal(ids.size, 3);
  });

  it('withCorrelation() keeps the incoming baggage (tenant=acme) for outgoing requests', () => {
    const incoming = propagation.setBaggage(
      context.active(),
      propagation.createBaggage({ tenant: { value: 'acme' } }),
    );
    context.with(incoming, () =>
      withCorrelation({ id: 'c-1' }, () => {
        const carrier: Record<string, string> = {};
        createPropagator(['baggage']).inject(context.active(), carrier, defaultTextMapSetter);
        assert.deepEqual(carrier.baggage?.split(',').sort(), ['correlation.id=c-1', 'tenant=acme']);
      }),
    );
  });
});
