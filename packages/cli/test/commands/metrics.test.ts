import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cli, closedPort, serve } from '../helpers';

const TEXT = `# HELP sync_operations_total Operations.
# TYPE sync_operations_total counter
sync_operations_total{operation="sync_cycle",status="success"} 7
sync_operations_total{operation="sync_cycle",status="failure"} 2
# HELP sync_operation_duration_seconds Duration.
# TYPE sync_operation_duration_seconds histogram
sync_operation_duration_seconds_bucket{operation="a b",le="0.1"} 1
sync_operation_duration_seconds_bucket{operation="a b",le="+Inf"} 3
sync_operation_duration_seconds_sum{operation="a b"} 0.75
sync_operation_duration_seconds_count{operation="a b"} 3
`;

describe('otelkit metrics', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    server = await serve((req, res) => {
      if (req.url === '/metrics') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(TEXT);
      res.writeHead(401).end('unauthorized');
    });
  });
  after(() => server.close());

  it('prints the Prometheus text as served', async () => {
    const r = await cli(['metrics', '--url', `${server.url}/metrics`]);
    assert.equal(r.code, 0);
    assert.equal(r.out, TEXT);
  });

  it('prints families with typed samples as JSON', async () => {
    const r = await cli(['metrics', '--url', `${server.url}/metrics`, '--format', 'json']);
    assert.equal(r.code, 0);
    const families = JSON.parse(r.out);
    assert.deepEqual(
      families.map((f: { name: string; type: string; samples: unknown[] }) => [
        f.name,
        f.type,
        f.samples.length,
      ]),
      [
        ['sync_operations_total', 'counter', 2],
        ['sync_operation_duration_seconds', 'histogram', 4],
      ],
    );
    assert.deepEqual(families[1].samples[1], {
      name: 'sync_operation_duration_seconds_bucket',
      labels: { operation: 'a b', le: '+Inf' },
      value: 3,
    });
  });

  it('exits 1 on an HTTP error and 2 when unreachable', async () => {
    const denied = await cli(['metrics', '--url', `${server.url}/private`]);
    assert.equal(denied.code, 1);
    assert.match(denied.err, /answered HTTP 401/);
    const port = await closedPort();
    assert.equal((await cli(['metrics', '--url', `http://127.0.0.1:${port}/metrics`])).code, 2);
  });

  it('rejects an unknown format with exit 2 and one line', async () => {
    const r = await cli(['metrics', '--format', 'xml']);
    assert.equal(r.code, 2);
    assert.match(r.err, /^otelkit metrics: --format="xml" is invalid: expected one of prometheus, json\n/);
  });
});
