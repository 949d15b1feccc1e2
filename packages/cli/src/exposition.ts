/** One sample of a metric family. */
export interface ParsedSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number | string;
  readonly timestamp?: number;
}

/** One metric family of a Prometheus text exposition. */
export interface ParsedFamily {
  readonly name: string;
  readonly type: string;
  readonly help: string;
  readonly unit?: string;
  readonly samples: ParsedSample[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)(?:\s+(\S+))?/;
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*,?/gy;
const SUFFIXES = ['_bucket', '_count', '_sum', '_total', '_created', '_info'];

function unescapeText(value: string): string {
  return value.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c));
}

function parseLabels(text: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!text) return labels;
  const inner = text.slice(1, -1);
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(inner); m !== null; m = LABEL.exec(inner)) labels[m[1]!] = unescapeText(m[2]!);
  return labels;
}

function toNumber(text: string): number | string {
  const n = Number(text);
  return Number.isNaN(n) && text !== 'NaN'
    ? text
    : text === '+Inf'
      ? 'Infinity'
      : text === '-Inf'
        ? '-Infinity'
        : n;
}

/**
 * Parses the Prometheus text format (and the parts of OpenMetrics otelkit emits) into families,
 * for `otelkit metrics --format json`. Samples are grouped under the family declared by the
 * preceding `# TYPE` line when their name extends it (`_bucket`, `_sum`, `_count`, `_total`).
 */
export function parseExposition(text: string): ParsedFamily[] {
  const families: ParsedFamily[] = [];
  const byName = new Map<string, ParsedFamily>();
  const family = (name: string): ParsedFamily => {
    let f = byName.get(name);
    if (!f) {
      f = { name, type: 'untyped', help: '', samples: [] };
      byName.set(name, f);
      families.push(f);
    }
    return f;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line === '# EOF') continue;
    const meta = /^#\s+(HELP|TYPE|UNIT)\s+(\S+)\s*(.*)$/.exec(line);
    if (meta) {
      const f = family(meta[2]!);
      const mutable = f as { -readonly [K in keyof ParsedFamily]: ParsedFamily[K] };
      if (meta[1] === 'HELP') mutable.help = unescapeText(meta[3] ?? '');
      else if (meta[1] === 'TYPE') mutable.type = meta[3] ?? 'untyped';
      else mutable.unit = meta[3] ?? '';
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = SAMPLE.exec(line);
    if (!m) continue;
    const name = m[1]!;
    const base = SUFFIXES.map((s) => (name.endsWith(s) ? name.slice(0, -s.length) : undefined)).find(
      (b) => b !== undefined && byName.has(b),
    );
    const sample: ParsedSample = {
      name,
      labels: parseLabels(m[2]),
      value: toNumber(m[3]!),
      ...(m[4] === undefined || Number.isNaN(Number(m[4])) ? {} : { timestamp: Number(m[4]) }),
    };
    family(byName.has(name) ? name : (base ?? name)).samples.push(sample);
  }
  return families;
}
