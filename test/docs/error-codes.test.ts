import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  BULKHEAD_FULL_CODE,
  CIRCUIT_OPEN_CODE,
  CIRCUIT_TIMEOUT_CODE,
  INVALID_BREAKER_OPTION_CODE,
} from '@otelkit/circuit-breaker';
import { ERROR_CODES, type ErrorCode } from '@otelkit/core';

const root = join(__dirname, '..', '..');
const catalogue = Object.values(ERROR_CODES) as ErrorCode[];

/** Every `.ts` file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('the error-code catalogue', () => {
  it("lists the circuit breaker's own codes (it depends only on @opentelemetry/api, so keeps its constants)", () => {
    const breaker = [
      CIRCUIT_OPEN_CODE,
      CIRCUIT_TIMEOUT_CODE,
      BULKHEAD_FULL_CODE,
      INVALID_BREAKER_OPTION_CODE,
    ];
    const listed = catalogue.filter((e) => e.owner === '@otelkit/circuit-breaker').map((e) => e.code);
    assert.deepEqual([...listed].sort(), [...breaker].sort());
  });

  it('holds each code once', () => {
    const codes = catalogue.map((e) => e.code);
    assert.equal(new Set(codes).size, codes.length);
  });

  it('is where every OTELKIT_ERR_* code in the packages is spelled (no inline codes elsewhere)', () => {
    const allowed = new Set([
      join(root, 'packages/core/src/error-codes.ts'),
      join(root, 'packages/circuit-breaker/src/errors.ts'),
    ]);
    const known = new Set(catalogue.map((e) => e.code));
    for (const pkg of readdirSync(join(root, 'packages'))) {
      const src = join(root, 'packages', pkg, 'src');
      if (!statSync(src, { throwIfNoEntry: false })?.isDirectory()) continue;
      for (const file of sources(src)) {
        // Code only: comments (JSDoc) may name a code.
        const code = readFileSync(file, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\/\/.*$/gm, '');
        for (const [literal] of code.matchAll(/['"`]OTELKIT_ERR_[A-Z_]+/g)) {
          assert.ok(allowed.has(file), `${file} spells ${literal.slice(1)} inline: take it from ERROR_CODES`);
        }
        for (const [name] of code.matchAll(/OTELKIT_ERR_[A-Z_]+/g)) {
          assert.ok(known.has(name), `${file}: ${name} is not in the catalogue`);
        }
      }
    }
  });
});
