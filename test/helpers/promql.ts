// The metric names a PromQL expression selects, for tests that check generated rules and dashboards
// against what `/metrics` serves. A tokenizer, not a full parser: it knows the syntax the generators
// write (selectors, functions, aggregations with by/without, binary operators with on/ignoring and
// group_left/right, ranges, offsets, strings, Grafana's `$variables`).

/** Words that are PromQL keywords, never metric names. */
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/** Keywords followed by a parenthesised list of label names (not metric names). */
const LABEL_LISTS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

const TOKEN =
  /\s+|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|\$\{[^}]*\}|\$[A-Za-z_]\w*|\{[^}]*\}|\[[^\]]*\]|(?:\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|0x[0-9a-fA-F]+)[a-zA-Z]*|[a-zA-Z_:][a-zA-Z0-9_:]*|./gsy;

/**
 * The metric names `expr` selects, in order of appearance (each once). Function and aggregation names,
 * keywords, label names in `by (…)` lists and everything inside `{…}`, `[…]` and strings are left out.
 *
 * @example
 * promqlMetricNames('sum by (job) (rate(a_total{x="b"}[5m])) / on (job) b'); // ['a_total', 'b']
 */
export function promqlMetricNames(expr: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(expr); m !== null && m[0] !== ''; m = TOKEN.exec(expr)) {
    if (!/^\s+$/.test(m[0])) tokens.push(m[0]);
  }
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(token)) continue;
    const lower = token.toLowerCase();
    if (LABEL_LISTS.has(lower) && tokens[i + 1] === '(') {
      // Skip the label list up to its closing parenthesis.
      while (i < tokens.length && tokens[i] !== ')') i++;
      continue;
    }
    if (KEYWORDS.has(lower)) continue;
    // A function or aggregation: `f(`, or `sum by (…) (` / `sum without (…) (`.
    if (tokens[i + 1] === '(' || LABEL_LISTS.has(tokens[i + 1]?.toLowerCase() ?? '')) {
      if (token === 'label_values') i = skipLabelArgument(tokens, i + 1, names);
      continue;
    }
    if (!names.includes(token)) names.push(token);
  }
  return names;
}

/**
 * Grafana's `label_values(selector, label)` (or `label_values(label)`): collects the selector's metric
 * name and returns the index of the closing parenthesis, so the label name is not taken for a metric.
 */
function skipLabelArgument(tokens: readonly string[], open: number, names: string[]): number {
  let end = open + 1;
  while (end < tokens.length && tokens[end] !== ')') end++;
  const args = tokens.slice(open + 1, end);
  const comma = args.indexOf(',');
  if (comma !== -1) {
    for (const name of promqlMetricNames(args.slice(0, comma).join(' '))) {
      if (!names.includes(name)) names.push(name);
    }
  }
  return end;
}
