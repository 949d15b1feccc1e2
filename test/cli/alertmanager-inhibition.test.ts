// The generated alertmanager.yml loaded by a real Alertmanager: alerts posted to its API are inhibited
// by a higher severity of the same alert, instance, operation and --operation-labels, and only then.
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort, otelkit, start, tempDir, waitFor } from './tools';

const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';

interface ApiAlert {
  labels: Record<string, string>;
  status: { state: string; inhibitedBy: string[] };
}

describe('generated alertmanager.yml in a real Alertmanager', () => {
  let alertmanager: ReturnType<typeof start>;
  let api = '';
  const dir = tempDir('alertmanager');
  after(async () => {
    await alertmanager?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  before(async () => {
    assert.ok(
      existsSync(ALERTMANAGER),
      `${ALERTMANAGER} is missing: apt-get install prometheus-alertmanager`,
    );
    const r = otelkit([
      'generate-config',
      '--out',
      dir,
      '--service',
      'data-sync',
      '--severities',
      'info,warning,critical,emergency',
      '--operation-labels',
      'source',
      '--webhook-url',
      'http://127.0.0.1:9/alerts',
      '--slack-webhook-url',
      'http://127.0.0.1:9/slack',
      '--smarthost',
      '127.0.0.1:9',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const port = await freePort();
    api = `http://127.0.0.1:${port}/api/v2`;
    alertmanager = start(ALERTMANAGER, [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ]);
    await waitFor(
      'Alertmanager to be ready',
      async () => ((await fetch(`${api}/status`)).ok ? true : undefined),
      15_000,
    );
  });

  it('lets each severity silence the lower ones of the same alert and source, not of another source', async () => {
    const base = {
      alertname: 'OperationFailureRatioHigh',
      job: 'data-sync',
      instance: 'a:9464',
      operation: 'sync',
    };
    const alerts = [
      { ...base, source: 'plex', severity: 'emergency' },
      { ...base, source: 'plex', severity: 'critical' },
      { ...base, source: 'plex', severity: 'warning' },
      { ...base, source: 'plex', severity: 'info' },
      { ...base, source: 'imdb', severity: 'warning' },
      { ...base, source: 'imdb', severity: 'info' },
      { ...base, alertname: 'OperationLatencyHigh', source: 'plex', severity: 'info' },
    ];
    const posted = await fetch(`${api}/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts.map((labels) => ({ labels, annotations: { summary: 'test' } }))),
    });
    assert.equal(posted.status, 200);
    const state = await waitFor(
      'the posted alerts',
      async () => {
        const all = (await (await fetch(`${api}/alerts`)).json()) as ApiAlert[];
        return all.length === alerts.length ? all : undefined;
      },
      10_000,
    );
    const of = (alertname: string, source: string, severity: string) =>
      state.find(
        (a) =>
          a.labels.alertname === alertname && a.labels.source === source && a.labels.severity === severity,
      )!.status.state;
    const ratio = 'OperationFailureRatioHigh';
    assert.equal(of(ratio, 'plex', 'emergency'), 'active');
    for (const lower of ['critical', 'warning', 'info'])
      assert.equal(of(ratio, 'plex', lower), 'suppressed', lower);
    // another source's warning is not silenced by Plex's emergency; its info is silenced by its own warning
    assert.equal(of(ratio, 'imdb', 'warning'), 'active');
    assert.equal(of(ratio, 'imdb', 'info'), 'suppressed');
    // another alert name is not inhibited
    assert.equal(of('OperationLatencyHigh', 'plex', 'info'), 'active');
  });
});
