import type { CustomPanel } from '../generate/options';
import { UsageError } from '../usage-error';

const TYPES = ['timeseries', 'stat'] as const;
const PAIRS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/** Why `expr` is not plausible PromQL (unbalanced brackets or an open string), or `undefined`. */
export function promqlProblem(expr: string): string | undefined {
  const open: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i]!;
    if (quote !== undefined) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') open.push(c);
    else if (c in PAIRS) {
      if (open.pop() !== PAIRS[c]) return `unbalanced ${c} at character ${i + 1}`;
    }
  }
  if (quote !== undefined) return `an unterminated ${quote}-quoted string`;
  if (open.length > 0) return `unclosed ${open.at(-1)}`;
  return undefined;
}

/**
 * Parses one `--panel` value, `[TYPE:]Title=PromQL` (TYPE `timeseries`, the default, or `stat`):
 * the title runs to the first `=`, so it cannot hold one; the PromQL may.
 *
 * @example parsePanelFlag('stat:Cache hit rate=sum(rate(app_cache_hits_total[5m]))')
 */
export function parsePanelFlag(raw: string): CustomPanel {
  const fail = (why: string) =>
    new UsageError(
      `--panel=${JSON.stringify(raw)} is invalid: ${why} (expected [timeseries:|stat:]Title=PromQL)`,
    );
  const eq = raw.indexOf('=');
  if (eq < 0) throw fail('no = between the title and the query');
  let title = raw.slice(0, eq).trim();
  const expr = raw.slice(eq + 1).trim();
  let type: CustomPanel['type'] = 'timeseries';
  const prefix = /^([a-z]+):(.*)$/s.exec(title);
  if (prefix !== null && (TYPES as readonly string[]).includes(prefix[1]!)) {
    type = prefix[1] as (typeof TYPES)[number];
    title = prefix[2]!.trim();
  }
  if (title === '') throw fail('the title is empty');
  if ([...title].some((c) => c.charCodeAt(0) < 0x20)) throw fail('the title has a control character');
  if (expr === '') throw fail('the query is empty');
  const problem = promqlProblem(expr);
  if (problem !== undefined) throw fail(`the query has ${problem}`);
  return { title, expr, type };
}

/** Every `--panel`, in order; two panels with one title are a {@link UsageError}. */
export function panelsFromFlag(raws: readonly string[]): CustomPanel[] {
  const panels = raws.map(parsePanelFlag);
  const titles = panels.map((p) => p.title);
  const repeated = titles.find((t, i) => titles.indexOf(t) !== i);
  if (repeated !== undefined)
    throw new UsageError(`--panel: two panels are titled ${JSON.stringify(repeated)}; titles must differ`);
  return panels;
}
