/**
 * The OTLP logs sink of logging.bench.ts, in its own process so that receiving and decoding cost the
 * measured process nothing: counts the log records of every `/v1/logs` request (OTLP/protobuf, decoded
 * with protobufjs and the official .proto files); `GET /count` answers the total. Prints `SINK <port>`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeProtobufLogs } from '../tracing/helpers/otlp-logs';

let records = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    if (req.method === 'GET') {
      res.end(String(records));
      return;
    }
    records += decodeProtobufLogs(Buffer.concat(chunks)).length;
    res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`SINK ${(server.address() as AddressInfo).port}\n`);
});
process.on('disconnect', () => process.exit(0));
