import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CommandIo } from '../src/commands/io';
import { runCli } from '../src/main';

/** Runs the CLI in-process with captured output. */
export async function cli(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIo = { out: (l) => (out += `${l}\n`), err: (l) => (err += `${l}\n`), env };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** A real HTTP server on 127.0.0.1 and an ephemeral port. */
export async function serve(
  handler: RequestListener,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const s = await serve(() => undefined);
  const port = Number(new URL(s.url).port);
  await s.close();
  return port;
}
