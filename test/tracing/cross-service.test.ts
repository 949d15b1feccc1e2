import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from './helpers/otlp-receiver';
import { logLines, type ServiceProcess, spawnService } from './helpers/spawn-service';

const SERVER = 2;
const CLIENT = 3;

describe('tracing across two services (real processes, fetch, OTLP/HTTP)', () => {
  let receiver: OtlpReceiver;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let body: { correlationId: string; downstream: { correlationId: string } };
  let spans: ReceivedSpan[];

  before(async () => {
    receiver = await startOtlpReceiver();
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url };
    b = await spawnService({ ...env, SERVICE_NAME: 'service-b' });
    a = await spawnService({ ...env, SERVICE_NAME: 'service-a', DOWNSTREAM_URL: `${b.url}/work` });
    const response = await fetch(`${a.url}/work`, { headers: { 'x-correlation-id': 'order-42' } });
    body = (await response.json()) as typeof body;
    spans = await receiver.waitFor(
      (all) => all.filter((s) => s.kind === SERVER).length >= 2 && all.some((s) => s.kind === CLIENT),
    );
  });

  after(async () => {
    await a?.stop();
    await b?.stop();
    await receiver?.close();
  });

  const serverSpan = (service: string) => spans.find((s) => s.service === service && s.kind === SERVER);

  it("puts both services in one trace, B's server span the child of A's client span", () => {
    const aServer = serverSpan('service-a');
    const bServer = serverSpan('service-b');
    const aClient = spans.find((s) => s.service === 'service-a' && s.kind === CLIENT);
    assert.ok(aServer && bServer && aClient, JSON.stringify(spans.map((s) => [s.service, s.kind, s.name])));
    assert.equal(aClient.traceId, aServer.traceId);
    assert.equal(bServer.traceId, aServer.traceId);
    assert.equal(aClient.parentSpanId, aServer.spanId);
    assert.equal(bServer.parentSpanId, aClient.spanId);
  });

  it('carries the incoming x-correlation-id to both server spans and both responses', () => {
    assert.equal(body.correlationId, 'order-42');
    assert.equal(body.downstream.correlationId, 'order-42');
    assert.equal(serverSpan('service-a')?.attributes['correlation.id'], 'order-42');
    assert.equal(serverSpan('service-b')?.attributes['correlation.id'], 'order-42');
  });

  it("writes the correlation ID and trace ID into both services' log lines, with the password masked", () => {
    for (const [service, proc] of [
      ['service-a', a],
      ['service-b', b],
    ] as const) {
      const line = logLines(proc.stdout()).find((l) => l.msg === 'handling work');
      assert.ok(line, `no log line from ${service}`);
      assert.equal(line.correlation_id, 'order-42');
      assert.equal(line.trace_id, serverSpan(service)?.traceId);
      assert.equal(line.span_id, serverSpan(service)?.spanId);
      assert.equal(line.trace_flags, '01');
      assert.equal(line['service.name'], service);
      assert.equal(line.password, '[REDACTED]');
      assert.doesNotMatch(proc.stdout(), /p4ssw0rd-in-log/);
    }
  });

  it('sets the stable HTTP semantic-convention attributes', () => {
    const bServer = serverSpan('service-b')!;
    assert.equal(bServer.name, 'GET /work');
    assert.equal(bServer.attributes['http.request.method'], 'GET');
    assert.equal(bServer.attributes['url.path'], '/work');
    assert.equal(bServer.attributes['url.scheme'], 'http');
    assert.equal(bServer.attributes['http.route'], '/work');
    assert.equal(bServer.attributes['http.response.status_code'], 200);
    assert.equal(bServer.attributes['server.address'], '127.0.0.1');
    assert.equal(bServer.attributes['server.port'], b.port);
    const aClient = spans.find((s) => s.service === 'service-a' && s.kind === CLIENT)!;
    assert.equal(aClient.attributes['http.request.method'], 'GET');
    assert.equal(aClient.attributes['server.address'], '127.0.0.1');
    assert.equal(aClient.attributes['server.port'], b.port);
    assert.equal(aClient.attributes['url.full'], `${b.url}/work`);
    assert.equal(aClient.attributes['http.response.status_code'], 200);
  });
});
