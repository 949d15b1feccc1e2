import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OtlpReceiver } from '../../packages/core/test/helpers/otlp-receiver';
import { type Child, FIXTURES, preloadEnv, spawnNode } from './helpers/child';
import { runs } from './helpers/profile';
import { rawExchange, statusOf } from './helpers/raw';
import { recordResult, round1 } from './helpers/results';

const MARK = 'INJECTED';
const VALID_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const VALID_PARENT = `00-${VALID_TRACE}-00f067aa0ba902b7-01`;
const SAFE_ID = /^[A-Za-z0-9._:~-]{1,128}$/;

/** Hostile incoming headers, each sent on its own request path. */
const CASES: ReadonlyArray<{ name: string; headers: Record<string, string> }> = [
  { name: 'traceparent garbage', headers: { traceparent: `${MARK}-garbage` } },
  { name: 'traceparent bad hex', headers: { traceparent: `00-${'g'.repeat(32)}-00f067aa0ba902b7-01` } },
  { name: 'traceparent zero trace id', headers: { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` } },
  { name: 'traceparent version ff', headers: { traceparent: `ff-${VALID_TRACE}-00f067aa0ba902b7-01` } },
  {
    name: 'traceparent uppercase',
    headers: { traceparent: `00-${VALID_TRACE.toUpperCase()}-00F067AA0BA902B7-01` },
  },
  {
    name: 'traceparent huge',
    headers: { traceparent: `00-${VALID_TRACE}-00f067aa0ba902b7-01-${'a'.repeat(8000)}` },
  },
  { name: 'tracestate huge', headers: { traceparent: VALID_PARENT, tracestate: `k=${'v'.repeat(10_000)}` } },
  {
    name: 'tracestate 200 members',
    headers: {
      traceparent: VALID_PARENT,
      tracestate: Array.from({ length: 200 }, (_, i) => `k${i}=v`).join(','),
    },
  },
  { name: 'tracestate malformed', headers: { traceparent: VALID_PARENT, tracestate: `${MARK}==,=;;"` } },
  { name: 'baggage huge', headers: { baggage: `k=${'v'.repeat(10_000)}` } },
  {
    name: 'baggage 500 entries',
    headers: { baggage: Array.from({ length: 500 }, (_, i) => `k${i}=v`).join(',') },
  },
  {
    name: 'baggage correlation json injection',
    headers: { baggage: `correlation.id=${encodeURIComponent(`x"}\n{"level":60,"msg":"${MARK}`)}` },
  },
  { name: 'baggage correlation too long', headers: { baggage: `correlation.id=${'a'.repeat(200)}${MARK}` } },
  {
    name: 'x-correlation-id json injection',
    headers: { 'x-correlation-id': `${MARK}","level":60,"msg":"x` },
  },
  { name: 'x-correlation-id too long', headers: { 'x-correlation-id': `${'a'.repeat(129)}${MARK}` } },
  { name: 'x-correlation-id unicode', headers: { 'x-correlation-id': `ünï${MARK}` } },
  { name: 'x-request-id spaces', headers: { 'x-request-id': `a b ${MARK}` } },
  { name: 'x-correlation-id huge', headers: { 'x-correlation-id': `${MARK}${'a'.repeat(12_000)}` } },
];

/** Raw header lines with control characters (fetch refuses to send them). */
const RAW_CASES: ReadonlyArray<{ name: string; line: string }> = [
  { name: 'x-correlation-id escape sequence', line: `X-Correlation-Id: a\u001b[31m${MARK}` },
  { name: 'x-correlation-id delete char', line: `X-Correlation-Id: a\u007f${MARK}` },
  { name: 'traceparent tab', line: `traceparent: 00-${VALID_TRACE}\t-00f067aa0ba902b7-01${MARK}` },
  { name: 'baggage control', line: `baggage: correlation.id=a%1B${MARK},k=\u0001` },
  { name: 'x-correlation-id bare CR', line: `X-Correlation-Id: a\r${MARK}` },
];

interface OtlpSpan {
  traceId: string;
  parentSpanId?: string;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

let receiver: OtlpReceiver;
let app: Child;
let port: number;
const started = Date.now();

before(async () => {
  receiver = new OtlpReceiver();
  const endpoint = await receiver.start();
  app = spawnNode(
    ['--require', '@otelkit/register', join(FIXTURES, 'http-app.cjs')],
    preloadEnv({
      APP_LOG: '1',
      OTEL_LOG_LEVEL: 'debug',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_METRICS_EXPORTER: 'prometheus',
    }),
  );
  port = Number((await app.waitFor(/app listening (\d+)/))[1]);
});
after(async () => {
  app.kill();
  await receiver.stop();
});

function spansFor(path: string): OtlpSpan[] {
  const out: OtlpSpan[] = [];
  for (const r of receiver.received) {
    if (r.path !== '/v1/traces') continue;
    const body = r.body as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> };
    for (const rs of body.resourceSpans)
      for (const ss of rs.scopeSpans)
        for (const s of ss.spans)
          if (s.attributes.some((a) => a.key === 'url.path' && a.value.stringValue === path)) out.push(s);
  }
  return out;
}

function attr(span: OtlpSpan, key: string): unknown {
  const v = span.attributes.find((a) => a.key === key)?.value;
  return v === undefined ? undefined : Object.values(v)[0];
}

/** The app's log lines (JSON, one per request) for `path`. */
function logLinesFor(path: string): Array<Record<string, unknown>> {
  return app.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.path === path);
}

describe("otelkit's diagnostic log", () => {
  if (runs('diag-stdout'))
    it("never writes to the app's stdout, whatever OTEL_LOG_LEVEL (the app's JSON log stays parseable)", async () => {
      const child = spawnNode(
        ['--require', '@otelkit/register', join(FIXTURES, 'http-app.cjs')],
        preloadEnv({ OTEL_LOG_LEVEL: 'debug', OTEL_TRACES_EXPORTER: 'none' }),
      );
      after(() => child.kill());
      const appPort = (await child.waitFor(/app listening (\d+)/))[1];
      await child.waitFor(/observability server listening/);
      await fetch(`http://127.0.0.1:${appPort}/exit`);
      await child.exited;
      assert.deepEqual(
        child.stdout.trimEnd().split('\n'),
        [`app listening ${appPort}`],
        'stdout holds only what the app wrote',
      );
    });
});

describe('hostile incoming trace context (the preload, an app logging with createLogger)', () => {
  it('starts a fresh, valid trace or keeps a valid parent, and never echoes hostile values into logs or spans', async () => {
    const paths: string[] = [];
    // Controls: a valid parent is kept, a valid correlation ID is used (so the checks below can fail).
    await fetch(`http://127.0.0.1:${port}/tc-valid`, {
      headers: { traceparent: VALID_PARENT, 'x-correlation-id': 'req-123' },
    });
    for (const [i, c] of CASES.entries()) {
      const path = `/tc-${i}`;
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: c.headers });
      assert.ok([200, 431].includes(res.status), `${c.name}: ${res.status}`);
      if (res.status === 200) paths.push(path);
    }
    let rejected = 0;
    for (const [i, c] of RAW_CASES.entries()) {
      const path = `/tc-raw-${i}`;
      const reply = await rawExchange(
        port,
        `GET ${path} HTTP/1.1\r\nHost: x\r\n${c.line}\r\nConnection: close\r\n\r\n`,
      );
      const status = statusOf(reply.text);
      assert.ok([200, 400].includes(status), `${c.name}: ${reply.text.slice(0, 40)}`);
      if (status === 200) paths.push(path);
      else rejected++;
    }
    await receiver.waitFor(() => [...paths, '/tc-valid'].every((p) => spansFor(p).length > 0));

    const valid = spansFor('/tc-valid')[0]!;
    assert.equal(valid.traceId, VALID_TRACE, 'a valid traceparent is continued');
    assert.equal(attr(valid, 'correlation.id'), 'req-123');
    assert.equal(logLinesFor('/tc-valid')[0]?.correlation_id, 'req-123');

    // (otelkit's own diagnostic lines are checked in their own case below.)
    for (const line of app.stdout.split('\n').filter((l) => l.startsWith('{'))) {
      assert.doesNotThrow(() => JSON.parse(line), `every log line is one JSON object: ${line.slice(0, 100)}`);
    }
    assert.ok(!app.stdout.includes(MARK), 'no hostile value in the app log');
    assert.ok(!app.stderr.includes(MARK), "no hostile value in otelkit's diagnostic log");
    for (const path of paths) {
      const [span] = spansFor(path);
      const [log] = logLinesFor(path);
      assert.ok(span !== undefined && log !== undefined, path);
      assert.match(span.traceId, /^[0-9a-f]{32}$/);
      assert.notEqual(span.traceId, '0'.repeat(32));
      const id = attr(span, 'correlation.id');
      assert.ok(
        typeof id === 'string' && SAFE_ID.test(id),
        `${path}: correlation.id ${String(id).slice(0, 60)}`,
      );
      assert.equal(log.correlation_id, id, `${path}: the log line carries the span's correlation ID`);
      assert.equal(log.trace_id, span.traceId);
      assert.ok(
        !JSON.stringify(span.attributes).includes(MARK),
        `${path}: no hostile value in span attributes`,
      );
    }
    for (const i of [0, 1, 2, 3, 4]) {
      const span = spansFor(`/tc-${i}`)[0]!;
      assert.ok(!span.parentSpanId, `${CASES[i]!.name}: an invalid traceparent starts a new trace`);
    }
    recordResult({
      id: 'hostile-trace-context',
      what: 'incoming traceparent/tracestate/baggage/x-correlation-id: malformed, oversized, control characters, log injection',
      durationS: round1((Date.now() - started) / 1000),
      load: `${CASES.length + RAW_CASES.length} hostile requests`,
      held: `all sanitised (fresh trace, generated correlation ID) or rejected by Node's parser (${rejected} with 400); no hostile byte in logs or span attributes`,
      dataLost: 0,
    });
  });
});
