const MAX = 64;

/**
 * The `error.type` of a thrown value, low-cardinality as the semantic conventions ask: a string `code`
 * (`ECONNRESET`, `OTELKIT_ERR_CIRCUIT_OPEN`) when the error has one, else its name (`TypeError`,
 * `TimeoutError`), else `_OTHER`.
 */
export function errorType(error: unknown): string {
  if (error !== null && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return clip(code);
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string' && name !== '') return clip(name);
    const ctor = (error as object).constructor?.name;
    if (typeof ctor === 'string' && ctor !== '' && ctor !== 'Object') return clip(ctor);
  }
  return '_OTHER';
}

function clip(text: string): string {
  return text.length > MAX ? text.slice(0, MAX) : text;
}
