import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInvalidBreakerOptionError } from '../src/errors';
import { createBreakerRegistry } from '../src/registry';

// Per-dependency defaults as in the list-sync seed: IMDb opens after 5 failures for 60 s,
// TMDb after 3 for 30 s, each with its own request timeout.
const seedDefaults = {
  defaults: { consecutiveFailures: 3, openDurationMs: 30_000, timeoutMs: 10_000, metrics: false },
  dependencies: {
    imdb: { consecutiveFailures: 5, openDurationMs: 60_000, timeoutMs: 30_000 },
    tmdb: { consecutiveFailures: 3, openDurationMs: 30_000, timeoutMs: 10_000 },
  },
};

describe('BreakerRegistry', () => {
  it('creates each dependency breaker once, from its own options over the defaults', async () => {
    const registry = createBreakerRegistry(seedDefaults);
    assert.equal(registry.get('imdb'), registry.get('imdb'));
    for (let i = 0; i < 4; i++)
      await registry.execute('imdb', () => Promise.reject(new Error('x'))).catch(() => 0);
    assert.equal(registry.get('imdb').state, 'closed');
    await registry.execute('imdb', () => Promise.reject(new Error('x'))).catch(() => 0);
    assert.equal(registry.get('imdb').state, 'open');
    const snapshot = registry.toJSON().imdb;
    assert.equal((snapshot.until ?? 0) - (snapshot.openedAt ?? 0), 60_000);
    assert.equal(registry.optionsFor('plex').consecutiveFailures, 3, 'unknown dependencies use the defaults');
    registry.dispose();
  });

  it('offers one health check per dependency', () => {
    const registry = createBreakerRegistry(seedDefaults);
    registry.get('plex');
    assert.deepEqual(Object.keys(registry.healthChecks()).sort(), ['imdb', 'plex', 'tmdb']);
    registry.dispose();
  });

  it('validates every dependency configuration at creation', () => {
    assert.throws(
      () => createBreakerRegistry({ dependencies: { trakt: { openDurationMs: -5 } } }),
      (err) => isInvalidBreakerOptionError(err) && /openDurationMs=-5/.test(err.message),
    );
  });
});
