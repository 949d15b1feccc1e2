import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { startTelemetry, type Telemetry } from '@otelkit/core';
import { type Health, startHealth } from '../src/index';

let telemetry: Telemetry | undefined;
let health: Health | undefined;
afterEach(async () => {
  health?.close();
  await telemetry?.shutdown();
  health = undefined;
  telemetry = undefined;
});

async function start(preset: 'development' | 'production', statusPage?: boolean) {
  telemetry = startTelemetry({
    host: '127.0.0.1',
    port: 0,
    logLevel: 'none',
    runtimeMetrics: false,
    preset,
    auth: { type: 'bearer', token: 'secret' },
  });
  health = startHealth(telemetry, { env: {}, ...(statusPage === undefined ? {} : { statusPage }) });
  const address = await telemetry.ready;
  return (path: string) => fetch(`${address!.url}${path}`, { headers: { authorization: 'Bearer secret' } });
}

describe('OTELKIT_PRESET in health', () => {
  it('turns the status page off in production, unless the option turns it on', async () => {
    assert.equal((await (await start('production'))('/')).status, 404);
    health?.close();
    await telemetry?.shutdown();
    assert.equal((await (await start('production', true))('/')).status, 200);
  });

  it('keeps the status page in development', async () => {
    assert.equal((await (await start('development'))('/')).status, 200);
  });
});
