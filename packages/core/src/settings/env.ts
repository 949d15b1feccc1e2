/** An environment to read (`process.env` or a test's object). */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The one environment reader: a variable's value, where unset and empty (after trimming) both mean
 * "not set", as the OpenTelemetry specification says.
 */
export function envValue(env: Env, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw;
}

/** The first set variable of `names` (in precedence order), with its name. */
export function firstEnv(env: Env, names: readonly string[]): { name: string; raw: string } | undefined {
  for (const name of names) {
    const raw = envValue(env, name);
    if (raw !== undefined) return { name, raw };
  }
  return undefined;
}
