// A service that dies of an uncaught error in the middle of a request, run from the built dist/:
//   node test/tracing/helpers/crash-service.cjs  (env: CRASH=throw|reject|sync, HANDLED=1, OTEL_* as usual)
// GET /ok answers. GET /crash runs a traced step, then fails 5 ms later inside the request's context
// (CRASH=throw: an uncaught exception; CRASH=reject: an unhandled rejection), or at once (CRASH=sync:
// the handler throws), and never answers.
// HANDLED=1 installs an `uncaughtException` listener first (the app survives the error).
// Both requests log a line through createLogger() (exported as OTLP log records when an endpoint is set).
// Prints "LISTENING <port>" once it listens; exits 0 after flushing on SIGTERM.
const http = require('node:http');
const { startTelemetry } = require('@otelkit/core');
const { createLogger, startTracing, traced } = require('@otelkit/tracing');

const telemetry = startTelemetry({ serviceName: 'crash-service', port: 0, host: '127.0.0.1' });
startTracing(telemetry);
const log = createLogger({ name: 'crash-service', level: 'info' });

if (process.env.HANDLED === '1') {
  process.on('uncaughtException', (error) => process.stdout.write(`HANDLED ${error.message}\n`));
}

const server = http.createServer((req, res) => {
  if (req.url !== '/crash') {
    log.info('ok served');
    res.end('ok');
    return;
  }
  traced('step before the crash', () => {});
  log.warn({ step: 'last' }, 'last words before the crash');
  if (process.env.CRASH === 'sync') throw new SyntaxError('thrown by a request handler');
  setTimeout(() => {
    if (process.env.CRASH === 'reject') Promise.reject(new TypeError('rejected in a request'));
    else throw new RangeError('thrown in a request');
  }, 5);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`LISTENING ${server.address().port}\n`));
process.on('SIGTERM', async () => {
  server.close();
  await telemetry.shutdown();
  process.exit(0);
});
