// Builds the staff page with Vite into services/web/dist, for `npm start`, `npm run build:web` and the browser test.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** Where the built page lives; the API serves it at `/` unless WEB_DIST_DIR points elsewhere. */
export const webDistDir = join(webRoot, 'dist');

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    newest = Math.max(newest, st.isDirectory() ? newestSourceMtime(path) : st.mtimeMs);
  }
  return newest;
}

/** True when dist is missing or older than any source of the page. */
export function webBuildIsStale(): boolean {
  const index = join(webDistDir, 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(
    newestSourceMtime(join(webRoot, 'src')),
    statSync(join(webRoot, 'index.html')).mtimeMs,
    statSync(join(webRoot, 'vite.config.ts')).mtimeMs,
  );
  return statSync(index).mtimeMs < sources;
}

/**
 * Builds the page into a fresh folder and swaps it in, so an API serving the old build never sees a half-written
 * one. Skips the build when dist is already newer than every source.
 */
export async function buildWeb({ force = false }: { force?: boolean } = {}): Promise<void> {
  if (!force && !webBuildIsStale()) return;
  const staging = join(webRoot, `.dist-${process.pid}-${Date.now()}`);
  await build({
    configFile: join(webRoot, 'vite.config.ts'),
    root: webRoot,
    logLevel: 'warn',
    build: { outDir: staging, emptyOutDir: true },
  });
  const old = `${staging}-old`;
  if (existsSync(webDistDir)) renameSync(webDistDir, old);
  renameSync(staging, webDistDir);
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildWeb({ force: process.argv.includes('--force') });
}
