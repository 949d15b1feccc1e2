import { defineSetting, type IntegerBounds, integerSetting, type Setting } from '@otelkit/core/internal';

const LIMIT: IntegerBounds = { min: 0, max: 2_147_483_647 };
const OWNER = '@otelkit/tracing';

function limit(env: readonly string[], doc: string): Setting<number | undefined> {
  return defineSetting<number | undefined>({
    env,
    kind: integerSetting(LIMIT),
    default: undefined,
    defaultDoc: "the SDK's",
    doc: `span limit: ${doc}`,
    owner: OWNER,
  });
}

/**
 * The span limits of the specification's `OTEL_*_LIMIT` variables, the span-specific one first (names as
 * in the SDK's `SpanLimits`). SDK 3.x no longer reads them itself; unset ones keep the SDK's defaults.
 * @see https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#span-limits
 */
export const SPAN_LIMIT_SETTINGS = {
  attributeValueLengthLimit: limit(
    ['OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT', 'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT'],
    'longest attribute value (none by default)',
  ),
  attributeCountLimit: limit(
    ['OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT', 'OTEL_ATTRIBUTE_COUNT_LIMIT'],
    'attributes per span (`128` by default)',
  ),
  eventCountLimit: limit(['OTEL_SPAN_EVENT_COUNT_LIMIT'], 'events per span'),
  linkCountLimit: limit(['OTEL_SPAN_LINK_COUNT_LIMIT'], 'links per span'),
  attributePerEventCountLimit: limit(['OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT'], 'attributes per event'),
  attributePerLinkCountLimit: limit(['OTEL_LINK_ATTRIBUTE_COUNT_LIMIT'], 'attributes per link'),
};
