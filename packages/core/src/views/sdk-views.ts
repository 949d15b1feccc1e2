import type { ViewOptions } from '@opentelemetry/sdk-metrics';
import { ViewResolver } from './resolve';

/**
 * The views of the SDK MeterProvider behind otelkit (observable instruments, and synchronous ones the
 * in-process engine hands to the SDK): the user's views, each with the configured cardinality limit
 * unless it sets its own, or, without user views, one view giving every instrument that limit. The SDK's
 * limit counts the overflow series, hence one above the guard's.
 * @throws OtelkitError `OTELKIT_ERR_INVALID_CONFIG` naming `views[i]` when a view is malformed
 *
 * With user views there is no catch-all view (the SDK would export a second stream of every renamed
 * instrument); instruments no view selects then take the limit from otelkit's readers (see
 * export/readers.ts), and from a user reader its own choice.
 */
export function sdkViews(views: readonly ViewOptions[] | undefined, cardinalityLimit: number): ViewOptions[] {
  new ViewResolver(views); // the start-up check, before the SDK sees them (it would throw its own error)
  if (views === undefined || views.length === 0)
    return [{ instrumentName: '*', aggregationCardinalityLimit: cardinalityLimit + 1 }];
  return views.map((view) => ({
    ...view,
    aggregationCardinalityLimit: view.aggregationCardinalityLimit ?? cardinalityLimit + 1,
  }));
}
