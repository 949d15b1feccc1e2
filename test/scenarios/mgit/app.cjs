'use strict';
// Seed 002: mgit, bulk git operations across providers. Three simulated provider APIs (GitHub, GitLab,
// Azure DevOps: local HTTP servers) answer authentication, repository listing (GitHub rate-limits
// every 4th listing) and clone/pull requests. Every MGIT_CYCLE_MS a `clone_all` runs as one unit of
// work with a correlation ID: authenticate, list, then clone new repositories and pull known ones.
// Logs are JSON with correlation IDs and masked credentials; spans go to OTLP.
// Instrumented only through otelkit's public API.
//
// SIGUSR2 toggles GitLab rejecting the token (401). Prints {"otelkit_url": "..."} on stdout.
const http = require('node:http');
const fs = require('node:fs/promises');
const os = require('node:os');
const { createOperationMonitor, startTelemetry } = require('@otelkit/core');
const { createLogger, startTracing, traced, withCorrelation } = require('@otelkit/tracing');
const { diskSpaceCheck, heapCheck, httpCheck, startHealth, tcpCheck } = require('@otelkit/health');

const CYCLE_MS = Number(process.env.MGIT_CYCLE_MS ?? 200);
// The git binary mgit shells out to; the simulation points it at node, which every test machine has.
const GIT_BIN = process.env.MGIT_GIT_BIN ?? process.execPath;
const TOKENS = {
  github: 'ghp_s3cr3tGithubToken',
  gitlab: 'glpat-s3cr3tGitlabToken',
  azure_devops: 'azdo-s3cr3tPat',
};

const telemetry = startTelemetry({ serviceName: 'mgit' });
startTracing(telemetry);
const health = startHealth(telemetry, { handleSignals: true, sampleIntervalMs: 500 });
const monitor = createOperationMonitor({ namespace: 'mgit' });
const rateLimitRemaining = monitor.gauge('api.rate_limit.remaining', { unit: '{request}' });
const log = createLogger({ name: 'mgit' });
const providerLog = createLogger({ name: 'provider-api' });

// --- the simulated providers ---------------------------------------------------------------------
function provider(name) {
  const p = { name, url: '', listings: 0, rejectToken: false, repos: ['api', 'web', 'infra'] };
  p.server = http.createServer((req, res) => {
    req.resume();
    const send = (status, body, headers = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    if (req.url === '/health') return send(200, { ok: true });
    if (req.headers.authorization !== `Bearer ${TOKENS[name]}` || p.rejectToken)
      return send(401, { message: 'bad credentials' });
    // the provider's own log line: it carries the caller's correlation ID, received in baggage
    providerLog.info({ provider: name, path: req.url }, 'request served');
    if (req.url === '/user') return send(200, { login: 'mgit-bot' });
    if (req.url === '/orgs/myorg/repos') {
      p.listings++;
      const remaining = 4 - (p.listings % 4);
      if (name === 'github' && remaining === 4)
        return send(429, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0' });
      return send(200, p.repos, {
        'x-ratelimit-remaining': String(name === 'github' ? remaining * 1000 : 5000),
      });
    }
    if (req.url.startsWith('/git/'))
      return setTimeout(() => send(200, { pack: 'ok' }), 5 + (req.url.length % 7));
    send(404, {});
  });
  return p;
}
const providers = ['github', 'gitlab', 'azure_devops'].map(provider);
const lastAuth = new Map();

class AuthenticationError extends Error {
  name = 'AuthenticationError';
}
class RateLimitError extends Error {
  name = 'RateLimitError';
}

async function api(p, path) {
  const res = await fetch(`${p.url}${path}`, { headers: { authorization: `Bearer ${TOKENS[p.name]}` } });
  const remaining = res.headers.get('x-ratelimit-remaining');
  if (remaining !== null) rateLimitRemaining.record(Number(remaining), { provider: p.name });
  if (res.status === 401) throw new AuthenticationError(`${p.name} rejected the token`);
  if (res.status === 429) throw new RateLimitError(`${p.name} rate limit exceeded`);
  return res.json();
}

const cloned = new Set();
async function syncProvider(p) {
  try {
    await monitor.track('auth', { provider: p.name }, () => api(p, '/user'));
    lastAuth.set(p.name, true);
  } catch (error) {
    lastAuth.set(p.name, false);
    log.error({ provider: p.name, err: error }, 'authentication failed');
    return;
  }
  let repos;
  try {
    repos = await monitor.track('api_request', { provider: p.name, endpoint: '/orgs/{org}/repos' }, () =>
      api(p, '/orgs/myorg/repos'),
    );
  } catch (error) {
    log.warn({ provider: p.name, err: error }, 'listing failed');
    return;
  }
  for (const repo of repos) {
    const key = `${p.name}/${repo}`;
    const operation = cloned.has(key) ? 'git_pull' : 'git_clone';
    // the remote URL carries the token, as git remotes often do; otelkit masks it in logs and spans
    const remote = `https://x-access-token:${TOKENS[p.name]}@${p.name}.example/myorg/${repo}.git`;
    log.info({ provider: p.name, repository: repo, remote, token: TOKENS[p.name] }, `${operation} ${remote}`);
    await monitor.track(operation, { provider: p.name }, () =>
      traced('git.transfer', () => api(p, `/git/${repo}`), {
        attributes: { 'vcs.repository.url.full': remote },
      }),
    );
    cloned.add(key);
  }
}

async function cloneAll() {
  // one correlation ID and one trace for the whole bulk operation
  await withCorrelation({ operation: 'clone_all', organization: 'myorg' }, () =>
    traced('clone_all', async () => {
      log.info({ organization: 'myorg' }, 'clone_all started');
      await Promise.all(providers.map(syncProvider));
      log.info({ organization: 'myorg' }, 'clone_all finished');
    }),
  );
}

async function main() {
  for (const p of providers) {
    await new Promise((resolve) => p.server.listen(0, '127.0.0.1', resolve));
    p.url = `http://127.0.0.1:${p.server.address().port}`;
  }
  // the write-up's seven check categories
  health.registerCheck('system:basics', () => ({ status: os.tmpdir() ? 'pass' : 'fail' }), {
    kind: 'liveness',
  });
  health.registerCheck('git:available', async () => {
    await fs.access(GIT_BIN, fs.constants.X_OK); // a rejection fails the check with its message
    return { status: 'pass' };
  });
  health.registerCheck('disk:space', diskSpaceCheck({ path: os.tmpdir(), failBytes: 1 }), {
    componentType: 'system',
  });
  health.registerCheck('memory:heap', heapCheck(), { kind: 'liveness' });
  for (const p of providers) {
    const { port } = new URL(p.url);
    health.registerCheck(`${p.name}:network`, tcpCheck({ host: '127.0.0.1', port: Number(port) }));
    health.registerCheck(`${p.name}:endpoint`, httpCheck({ url: `${p.url}/health` }));
    health.registerCheck(
      `${p.name}:auth`,
      () =>
        lastAuth.get(p.name) === false ? { status: 'fail', output: 'token rejected' } : { status: 'pass' },
      { critical: false, cacheMs: 0 },
    );
  }
  process.on('SIGUSR2', () => {
    providers[1].rejectToken = !providers[1].rejectToken;
  });
  let timer;
  const loop = async () => {
    await cloneAll().catch(() => {});
    timer = setTimeout(loop, CYCLE_MS);
  };
  timer = setTimeout(loop, 0);
  health.beforeShutdown(() => clearTimeout(timer));
  health.markReady();
  const address = await telemetry.ready;
  process.stdout.write(`${JSON.stringify({ otelkit_url: address.url.replace(/\/$/, '') })}\n`);
}

main();
