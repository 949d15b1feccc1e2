/** The exposition format `serializeMetrics` writes. */
export type ExpositionFormat = 'prometheus' | 'openmetrics';

/** Content-Type of the Prometheus text exposition format 0.0.4. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Content-Type of the OpenMetrics 1.0 text format. */
export const OPENMETRICS_CONTENT_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';

/** Characters of an Accept header {@link negotiateFormat} reads. */
const MAX_ACCEPT_LENGTH = 4_096;

/**
 * Picks the exposition format from a scrape's Accept header: OpenMetrics when the header lists
 * `application/openmetrics-text` (version 1.x or 0.0.1) with a quality no lower than `text/plain`'s (Prometheus sends
 * `application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*\/*;q=0.1`),
 * the Prometheus text format otherwise (also for a missing header, `*\/*` and `text/plain`).
 *
 * @example
 * const format = negotiateFormat(req.headers.accept);
 * res.setHeader('content-type', contentTypeFor(format));
 */
export function negotiateFormat(accept: string | undefined): ExpositionFormat {
  if (accept === undefined || accept.indexOf('openmetrics') === -1) return 'prometheus';
  let openMetricsQuality = 0;
  let textQuality = 0;
  // A scraper's header is a few hundred characters; a longer one (a server without a header size
  // limit, as some fetch-style runtimes) is read up to the cap only.
  const ranges = (accept.length > MAX_ACCEPT_LENGTH ? accept.slice(0, MAX_ACCEPT_LENGTH) : accept).split(',');
  for (const range of ranges) {
    const parts = range.split(';');
    const type = parts[0]!.trim().toLowerCase();
    let quality = 1;
    let supportedVersion = true;
    for (let i = 1; i < parts.length; i++) {
      const param = parts[i]!.trim().toLowerCase();
      if (param.startsWith('q=')) quality = Number(param.slice(2)) || 0;
      else if (param.startsWith('version=')) {
        // A version we do not write (OpenMetrics 2.x) does not count as asking for OpenMetrics 1.0.
        supportedVersion = param === 'version=0.0.1' || param.startsWith('version=1.');
      }
    }
    if (type === 'application/openmetrics-text') {
      if (supportedVersion && quality > openMetricsQuality) openMetricsQuality = quality;
    } else if (type === 'text/plain' && quality > textQuality) {
      textQuality = quality;
    }
  }
  return openMetricsQuality > 0 && openMetricsQuality >= textQuality ? 'openmetrics' : 'prometheus';
}

/** The Content-Type header value for a format. */
export function contentTypeFor(format: ExpositionFormat): string {
  return format === 'openmetrics' ? OPENMETRICS_CONTENT_TYPE : PROMETHEUS_CONTENT_TYPE;
}
