// HTTP fetch helpers shared by the cross-package tests.

/** GETs `url` and returns the body; fails with the status and body when the status is not 2xx. */
export async function fetchText(url: string, init?: RequestInit): Promise<string> {
  const response = await fetch(url, init);
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 200)}`);
  return body;
}
