// HTTP requests of the tests: one request on a fresh connection (no agent, so nothing lingers after
// a test), its status, headers and body, as text or parsed JSON.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/** What a server answered. */
export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Method and headers of a request (GET without headers by default). */
export interface FetchOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
}

/** One request on a fresh connection; resolves with the reply whatever its status. */
export function fetchText(url: string, options: FetchOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** {@link fetchText} with the body parsed as JSON (typed by the caller, as the test expects it). */
export async function fetchJson<T>(
  url: string,
  options: FetchOptions = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: T }> {
  const reply = await fetchText(url, options);
  return { status: reply.status, headers: reply.headers, body: JSON.parse(reply.body) as T };
}

/** The `Authorization` header value of HTTP basic auth. */
export function basicHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
