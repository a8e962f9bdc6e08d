import { readFileSync } from 'node:fs';

/** Parses a JSON-lines file, skipping blank lines. */
export function readJsonl(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}
