import type { AttributeValue, Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';
import { truncateForRedaction } from '@otelkit/core/internal';
import { CORRELATION_KEY, correlationIdFrom, getCorrelationAttributes } from '../correlation/context';
import { CleanValues } from '../redact/clean-values';
import { redactQuery, SENSITIVE_QUERY_PARAMETERS } from '../redact/query';
import { isSecretKey, REDACTED, redactString } from '../redact/redact';

/**
 * `value` with credentials masked: everything under a secret key name, credentials inside strings (a
 * string `remembered` as clean is not scanned again), and inside the strings of an array.
 */
function clean(
  key: string,
  value: AttributeValue | undefined,
  remembered: CleanValues | undefined,
): AttributeValue | undefined {
  if (value === undefined) return undefined;
  if (isSecretKey(key)) return REDACTED;
  if (typeof value === 'string')
    return remembered === undefined ? redactString(value) : remembered.mask(value, redactString);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      if (typeof item !== 'string') return item;
      const masked = redactString(item);
      if (masked !== item) changed = true;
      return masked;
    });
    return changed ? (out as AttributeValue) : value;
  }
  return value;
}

/** Options of {@link EnrichSpanProcessor}. @internal */
export interface EnrichOptions {
  /** Query parameters whose values become `REDACTED` in `url.full` / `url.query`; default {@link SENSITIVE_QUERY_PARAMETERS}. */
  readonly sensitiveQueryParameters?: readonly string[];
}

/**
 * Sets `correlation.id` (and the attributes of an enclosing `withCorrelation`) on every span at start,
 * and masks credentials in span and event attributes before the span ends (keys like `password`,
 * `token`, `authorization`; bearer/basic tokens, JWTs, URL userinfo and `key=value` secrets inside
 * strings; the values of sensitive query parameters in `url.full` and `url.query`, as the HTTP
 * semantic conventions ask).
 */
export class EnrichSpanProcessor implements SpanProcessor {
  private readonly queryNames: ReadonlySet<string>;
  /** Attribute values found clean, so that the values HTTP spans repeat skip the scan. @internal */
  readonly cleanValues = new CleanValues();

  constructor(options: EnrichOptions = {}) {
    this.queryNames = new Set(options.sensitiveQueryParameters ?? SENSITIVE_QUERY_PARAMETERS);
  }

  onStart(span: Span, parentContext: Context): void {
    const id = correlationIdFrom(parentContext);
    if (id !== undefined) span.setAttribute(CORRELATION_KEY, id);
    const attributes = getCorrelationAttributes(parentContext);
    if (attributes !== undefined) span.setAttributes(attributes);
  }

  onEnding(span: Span): void {
    const attributes = span.attributes as Record<string, AttributeValue | undefined>;
    for (const key in attributes) {
      const value = attributes[key];
      // A correlation ID is new with every request: scanned, never remembered (it would only crowd
      // out the values that do repeat).
      const remembered = key === CORRELATION_KEY ? undefined : this.cleanValues;
      const masked = clean(key, this.url(key, value), remembered);
      if (masked !== value) attributes[key] = masked;
    }
    for (const event of span.events) {
      const eventAttributes = event.attributes as Record<string, AttributeValue | undefined> | undefined;
      if (eventAttributes === undefined) continue;
      for (const key in eventAttributes) {
        const value = eventAttributes[key];
        const masked = clean(key, value, this.cleanValues);
        if (masked !== value) eventAttributes[key] = masked;
      }
    }
    if (span.status.message !== undefined) {
      const message = redactString(span.status.message);
      if (message !== span.status.message) span.setStatus({ ...span.status, message });
    }
  }

  /** `url.full` / `url.query` (bounded like every masked string) with sensitive query values replaced. */
  private url(key: string, value: AttributeValue | undefined): AttributeValue | undefined {
    if (typeof value !== 'string' || (key !== 'url.full' && key !== 'url.query')) return value;
    const masked = redactQuery(truncateForRedaction(value), this.queryNames, key === 'url.query');
    return masked === value ? value : masked;
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
