// A service for the end-to-end tests, run from the built dist/ as users run it:
//   node test/tracing/helpers/service.cjs  (env: SERVICE_NAME, DOWNSTREAM_URL, OTEL_* as usual)
// GET /work: logs a line, calls DOWNSTREAM_URL with fetch when set, answers with its correlation ID.
// GET /slow-export: answers at once (used to measure latency while the exporter is broken).
// Prints "LISTENING <port>" once it listens; exits 0 after flushing on SIGTERM.
const http = require('node:http');
const { startTelemetry } = require('@otelkit/core');
const { startTracing, createLogger, getCorrelationId, setHttpRoute } = require('@otelkit/tracing');

const telemetry = startTelemetry({ serviceName: process.env.SERVICE_NAME, port: 0, host: '127.0.0.1' });
startTracing(telemetry);
const log = createLogger({ name: process.env.SERVICE_NAME });

const server = http.createServer(async (req, res) => {
  if (req.url === '/stats') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ exports: telemetry.exportStats.snapshot(), rss: process.memoryUsage().rss }));
    return;
  }
  setHttpRoute('/work');
  log.info({ password: 'p4ssw0rd-in-log' }, 'handling work');
  let downstream;
  if (process.env.DOWNSTREAM_URL) {
    const response = await fetch(process.env.DOWNSTREAM_URL);
    downstream = await response.json();
  }
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify({ service: process.env.SERVICE_NAME, correlationId: getCorrelationId(), downstream }),
  );
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`LISTENING ${server.address().port}\n`));
process.on('SIGTERM', async () => {
  server.close();
  await telemetry.shutdown();
  process.exit(0);
});
