import { type Span, SpanStatusCode } from '@opentelemetry/api';
import { errorType } from '@otelkit/core/internal';

/**
 * Marks `span` as failed by `error` without ending it: an `exception` event, `error.type` (the error's
 * `code`, else its name, as the operation monitor labels errors) and status `ERROR` with the message.
 * @internal
 */
export function recordFailure(span: Span, error: unknown): void {
  if (error instanceof Error) span.recordException(error);
  else span.recordException({ name: 'Error', message: String(error) });
  span.setAttribute('error.type', errorType(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}
