import fc from 'fast-check';

/** Per entry point, 1 MB may cost at most this many times what 50 KB costs (the bound). */
export const ENTRY_BOUND = 20;

/**
 * Fastest time per call of `small()` and `large()`, timed in alternating rounds (a burst of other work
 * on the shared machine hits both): at least `minRounds`, then more (up to `maxRounds`) while the
 * ratio is above `bound`; none after a call of `large` over `giveUpMs` (a quadratic scan).
 */
export async function fastestPair(
  small: () => unknown,
  large: () => unknown,
  options: { bound: number; minRounds: number; maxRounds: number; giveUpMs: number },
): Promise<{ small: number; large: number }> {
  let fastSmall = Number.POSITIVE_INFINITY;
  let fastLarge = Number.POSITIVE_INFINITY;
  for (
    let round = 0;
    round < options.maxRounds && (round < options.minRounds || fastLarge > options.bound * fastSmall);
    round++
  ) {
    fastSmall = Math.min(fastSmall, await msPerCall(small, 1));
    fastLarge = Math.min(fastLarge, await msPerCall(large, 1));
    if (fastLarge > options.giveUpMs) break;
  }
  return { small: fastSmall, large: fastLarge };
}

/** A hostile string: `prefix`, then `unit` repeated up to the wanted size, then `suffix`. */
export interface HostileShape {
  readonly prefix: string;
  readonly unit: string;
  readonly suffix: string;
}

const shape = (
  prefix: fc.Arbitrary<string>,
  unit: fc.Arbitrary<string>,
  suffix: fc.Arbitrary<string>,
): fc.Arbitrary<HostileShape> => fc.record({ prefix, unit, suffix });
const one = (...values: string[]) => fc.constantFrom(...values);

/**
 * Inputs that make a backtracking pattern of each class of the redactor rescan the text from every
 * position (the userinfo pattern's scheme run took 145 ms at 16 KB before the fix, quadratic), plus
 * the worst cases of the hand-written key=value scan.
 */
export const PATTERN_CLASSES: Readonly<Record<string, fc.Arbitrary<HostileShape>>> = {
  'userinfo: scheme characters, never ://': shape(
    one('', 'GET ', 'url='),
    fc.stringMatching(/^[a-z][a-z0-9+.-]{0,11}$/),
    one('', ':', ':/', '@'),
  ),
  'userinfo: scheme:// then userinfo without @': shape(
    one('https://', 'a://'),
    fc.stringMatching(/^[a-z0-9:]{1,12}$/),
    one('', '/', ' '),
  ),
  'userinfo: one scheme:// after another': shape(
    one('', 'x'),
    fc.stringMatching(/^[a-z]{1,6}:\/\/[a-z:]{0,6}$/),
    one('', '@'),
  ),
  'scheme token: a scheme, then blanks': shape(
    one('bearer', 'Basic', 'TOKEN', 'digest', 'negotiate'),
    one(' ', '\t', ' \t'),
    one('', ',', '"', '&'),
  ),
  'scheme token: schemes in a row': shape(
    one('', 'Authorization: '),
    one('bearer ', 'token+', 'basic%20', 'Bearer\t', 'negotiatebearer'),
    one('', ','),
  ),
  'key=value: key characters, then a separator': shape(
    one('', 'password', 'x'),
    fc.stringMatching(/^[a-z0-9_.-]{1,12}$/),
    one('=', ':', '"=', ' :'),
  ),
  'key=value: separators everywhere': shape(
    one('', 'token'),
    one('a=', 'pass=', ':', 'key:', '==', 'x:=', 'password=', '"token":"', 'sig= '),
    one('', '='),
  ),
  'key=value: a value of many words': shape(
    one('password=', 'token: ', 'secret = ', 'auth='),
    fc.stringMatching(/^[a-z]{1,8}[ \t]{1,2}$/),
    one('', '=', ':'),
  ),
  'key=value: an unterminated quoted value': shape(
    one('password="', "secret='", '{"token":"'),
    one('a', '\\"', 'a b', "\\'", '\\'),
    one('', '"'),
  ),
  'jwt: eyJ runs': shape(
    one('', 'x '),
    one('eyJ', 'eyJa', 'eyJ.', 'eyJa.eyJ', 'eyJ-_'),
    one('', '.', '.eyJ'),
  ),
};

/** The string of `s`, `size` characters long (the unit repeated between prefix and suffix). */
export function build(s: HostileShape, size: number): string {
  const room = Math.max(0, size - s.prefix.length - s.suffix.length);
  const unit = s.unit.length === 0 ? 'a' : s.unit;
  return s.prefix + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + s.suffix;
}

/**
 * `variants` copies of `build(s, size)`, each a different string (a different first character), flat
 * in memory. Timing rotates over them, so no engine cache of the last result makes a repeat free.
 */
export function variants(s: HostileShape, size: number, count = 4): string[] {
  const base = build(s, size - 1);
  return Array.from({ length: count }, (_, i) => {
    const text = String.fromCharCode(48 + i) + base;
    text.charCodeAt(text.length - 1);
    return text.slice(0);
  });
}

/** A call of `fn` on the next of `inputs` each time. */
export function rotating(fn: (input: string) => unknown, inputs: readonly string[]): () => unknown {
  let next = 0;
  return () => fn(inputs[next++ % inputs.length]!);
}

/** `count` generated shapes of each class (seeded, so a failure can be replayed). */
export function sampleShapes(count: number, seed: number): Array<{ name: string; shape: HostileShape }> {
  const out: Array<{ name: string; shape: HostileShape }> = [];
  for (const [name, arbitrary] of Object.entries(PATTERN_CLASSES)) {
    for (const s of fc.sample(arbitrary, { numRuns: count, seed })) out.push({ name, shape: s });
  }
  return out;
}

/**
 * Milliseconds per call of `call()`: the fastest of `rounds` rounds (each repeats the call for at
 * least 2 ms, so timer resolution does not matter). The fastest round is the one least disturbed by
 * whatever else the machine runs.
 */
export async function msPerCall(call: () => unknown, rounds: number): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      await call();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < 2 && calls < 10_000);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}
