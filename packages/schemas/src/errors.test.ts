import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCodes, httpStatusOf } from './errors.ts';

describe('error catalogue', () => {
  it('documents every code in docs/ERRORS.md', () => {
    const doc = readFileSync(new URL('../../../docs/ERRORS.md', import.meta.url), 'utf8');
    const missing = errorCodes.filter((code) => !doc.includes(`| \`${code}\` |`));
    expect(missing).toEqual([]);
  });

  it('gives every code an HTTP status in the 4xx or 5xx range', () => {
    for (const code of errorCodes) expect(httpStatusOf[code]).toBeGreaterThanOrEqual(400);
  });
});
