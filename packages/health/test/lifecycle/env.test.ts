import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveShutdownDelayMs, resolveShutdownTimeoutMs } from '../../src/lifecycle/env';

describe('shutdown settings', () => {
  it('defaults the delay to 5000 ms in Kubernetes and 0 elsewhere', () => {
    assert.equal(resolveShutdownDelayMs(undefined, { KUBERNETES_SERVICE_HOST: '10.96.0.1' }), 5_000);
    assert.equal(resolveShutdownDelayMs(undefined, {}), 0);
  });

  it('reads OTELKIT_SHUTDOWN_DELAY_MS, and an option wins over it', () => {
    assert.equal(
      resolveShutdownDelayMs(undefined, { OTELKIT_SHUTDOWN_DELAY_MS: '1500', KUBERNETES_SERVICE_HOST: 'x' }),
      1_500,
    );
    assert.equal(resolveShutdownDelayMs(250, { OTELKIT_SHUTDOWN_DELAY_MS: '1500' }), 250);
  });

  it('takes the preset’s delay when neither the option nor the variable is set', () => {
    assert.equal(resolveShutdownDelayMs(undefined, {}, 'production'), 10_000);
    assert.equal(resolveShutdownDelayMs(undefined, { OTELKIT_SHUTDOWN_DELAY_MS: '7' }, 'production'), 7);
    assert.equal(resolveShutdownDelayMs(3, {}, 'production'), 3);
  });

  it('refuses a bad OTELKIT_SHUTDOWN_DELAY_MS naming the variable and value', () => {
    assert.throws(
      () => resolveShutdownDelayMs(undefined, { OTELKIT_SHUTDOWN_DELAY_MS: '5s' }),
      (error: Error & { code?: string }) =>
        error.code === 'OTELKIT_ERR_INVALID_CONFIG' && /OTELKIT_SHUTDOWN_DELAY_MS="5s"/.test(error.message),
    );
    assert.throws(() => resolveShutdownDelayMs(-1, {}), /shutdownDelayMs=/);
  });

  it('takes the timeout from telemetry (OTELKIT_SHUTDOWN_TIMEOUT_MS) unless given', () => {
    assert.equal(resolveShutdownTimeoutMs(undefined, 5_000), 5_000);
    assert.equal(resolveShutdownTimeoutMs(800, 5_000), 800);
    assert.throws(() => resolveShutdownTimeoutMs(0, 5_000), /OTELKIT_ERR_INVALID_CONFIG: shutdownTimeoutMs=/);
  });
});
