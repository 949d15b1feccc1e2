/**
 * UCUM unit -> Prometheus unit word, per the OpenTelemetry specification's Prometheus compatibility
 * rules: abbreviations become full words, `{annotations}` are dropped, `x/y` becomes `x_per_y`, and `1`
 * becomes `ratio` (gauges only, as the OpenTelemetry Collector does).
 *
 * @see https://github.com/open-telemetry/opentelemetry-specification/blob/main/specification/compatibility/prometheus_and_openmetrics.md#metric-metadata-1
 */

const UNIT_WORDS: Readonly<Record<string, string>> = {
  // time
  d: 'days',
  h: 'hours',
  min: 'minutes',
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
  // bytes
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  GiBy: 'gibibytes',
  TiBy: 'tebibytes',
  KBy: 'kilobytes',
  MBy: 'megabytes',
  GBy: 'gigabytes',
  TBy: 'terabytes',
  bit: 'bits',
  // SI
  m: 'meters',
  V: 'volts',
  A: 'amperes',
  J: 'joules',
  W: 'watts',
  g: 'grams',
  // misc
  Cel: 'celsius',
  Hz: 'hertz',
  '%': 'percent',
};

const PER_UNIT_WORDS: Readonly<Record<string, string>> = {
  s: 'second',
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  mo: 'month',
  y: 'year',
};

const ANNOTATION = /\{[^}]*\}/g;
const NOT_ALPHANUMERIC = /[^a-zA-Z0-9]+/g;
const EDGE_UNDERSCORES = /^_+|_+$/g;

function unitWord(unit: string, words: Readonly<Record<string, string>>): string {
  const known = words[unit];
  if (known !== undefined) return known;
  // Unknown units are kept, reduced to characters valid in a metric name.
  return unit.replace(NOT_ALPHANUMERIC, '_').replace(EDGE_UNDERSCORES, '');
}

/**
 * Converts an OpenTelemetry (UCUM) unit to the word appended to a Prometheus metric name, or `''`
 * when the unit adds no suffix (`{packet}`, `1` on anything but a gauge, empty).
 *
 * @example
 * prometheusUnit('s', false);      // 'seconds'
 * prometheusUnit('By/s', false);   // 'bytes_per_second'
 * prometheusUnit('{request}', false); // ''
 * prometheusUnit('1', true);       // 'ratio'
 */
export function prometheusUnit(unit: string, isGauge: boolean): string {
  const stripped = unit.replace(ANNOTATION, '').trim();
  if (stripped === '') return '';
  const slash = stripped.indexOf('/');
  if (slash === -1) {
    if (stripped === '1') return isGauge ? 'ratio' : '';
    return unitWord(stripped, UNIT_WORDS);
  }
  const main = stripped.slice(0, slash).trim();
  const per = stripped.slice(slash + 1).trim();
  const mainWord = main === '' || main === '1' ? '' : unitWord(main, UNIT_WORDS);
  const perWord = per === '' ? '' : unitWord(per, PER_UNIT_WORDS);
  if (perWord === '') return mainWord;
  return mainWord === '' ? `per_${perWord}` : `${mainWord}_per_${perWord}`;
}
