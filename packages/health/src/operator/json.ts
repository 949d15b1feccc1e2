import type { ServerResponse } from 'node:http';

/** Sends `body` as JSON with `status` (no body for HEAD). */
export function sendJson(response: ServerResponse, status: number, body: unknown, head = false): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.end(head ? undefined : text);
}

/**
 * The name in `<prefix>/<name>/<verb>` (percent-decoded; it may contain `/`) and the verb, or
 * `undefined` when the path has another shape.
 */
export function parseOperatorPath(
  path: string,
  prefix: string,
  verbs: readonly string[],
): { readonly name: string; readonly verb: string } | undefined {
  if (!path.startsWith(`${prefix}/`)) return undefined;
  const rest = path.slice(prefix.length + 1);
  const slash = rest.lastIndexOf('/');
  if (slash <= 0) return undefined;
  const verb = rest.slice(slash + 1);
  if (!verbs.includes(verb)) return undefined;
  try {
    return { name: decodeURIComponent(rest.slice(0, slash)), verb };
  } catch {
    return undefined;
  }
}
