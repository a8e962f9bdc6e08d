import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { loadConfig } from '@anchorwatch/runtime';

const repoRoot = resolve(import.meta.dirname, '..');

/** The labelled data folder: `--data DIR`, else ANCHORWATCH_SHARED_DATA; exits with a message when missing. */
export function resolveDataRoot(flag: string | undefined): string {
  const configured = flag ?? loadConfig().ANCHORWATCH_SHARED_DATA;
  const dataRoot = isAbsolute(configured) ? configured : resolve(repoRoot, configured);
  if (!existsSync(dataRoot)) {
    process.stderr.write(`eval: no data at ${dataRoot} (set ANCHORWATCH_SHARED_DATA or pass --data DIR)\n`);
    process.exit(2);
  }
  return dataRoot;
}
