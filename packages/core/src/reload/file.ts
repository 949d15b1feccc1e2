import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

/** The settings document of `OTELKIT_CONFIG_FILE`: one object of sections. */
export type SettingsDocument = Readonly<Record<string, unknown>>;

/**
 * Reads and parses the settings file (`.json`, or YAML for anything else). Throws an `Error` whose
 * message names the file and the problem; the caller keeps the settings in force.
 */
export function readSettingsFile(path: string): SettingsDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    // yaml is loaded only when a YAML file is read: most processes never read one.
    value =
      extname(path).toLowerCase() === '.json'
        ? JSON.parse(text)
        : (require('yaml') as typeof import('yaml')).parse(text);
  } catch (error) {
    throw new Error(
      `${path} is not valid ${extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${path} must hold an object of settings`);
  return value as SettingsDocument;
}
