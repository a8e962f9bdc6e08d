// Enforces the layering rules (README, "Layout") that TypeScript cannot: the engine is pure, packages
// import no services and (apart from schemas) no other package, and only the config loader reads the environment.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const services = ['api', 'ingest', 'worker', 'cli'];
const envReaders = new Set(['packages/runtime/src/config.ts', 'test/support/global-setup.ts', 'scripts/start.ts']);

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.ts$/.test(name)) yield path;
  }
}

const importsOf = (text: string): string[] =>
  [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

/** Returns the rule violations of one file, as readable lines. */
function check(file: string): string[] {
  const rel = relative(root, file);
  const text = readFileSync(file, 'utf8');
  const problems: string[] = [];
  const isTest = rel.endsWith('.test.ts');
  const pkg = /^packages\/([^/]+)\//.exec(rel)?.[1];
  if (pkg && !isTest) {
    for (const spec of importsOf(text)) {
      const target = /^@anchorwatch\/([^/]+)/.exec(spec)?.[1];
      if (target && services.includes(target)) problems.push(`${rel}: a package imports the service ${spec}`);
      if (target && target !== 'schemas' && target !== pkg) problems.push(`${rel}: packages import only @anchorwatch/schemas, not ${spec}`);
      if (pkg === 'engine' && spec.startsWith('node:')) problems.push(`${rel}: the engine is pure; no ${spec}`);
    }
    if (pkg === 'engine' && /\b(Date\.now|new Date\(|Math\.random|performance\.now|process\.)/.test(text)) {
      problems.push(`${rel}: the engine is pure; it reads no clock, randomness or process state`);
    }
  }
  if (/process\.env/.test(text) && !envReaders.has(rel) && !isTest) problems.push(`${rel}: only the config loader reads the environment (process env)`);
  return problems;
}

const files = ['packages', 'services', 'test', 'bench', 'scripts']
  .map((d) => join(root, d))
  .filter((d) => { try { return statSync(d).isDirectory(); } catch { return false; } })
  .flatMap((d) => [...sourceFiles(d)]);
const problems = files.flatMap(check);
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`check-imports: ${files.length} files follow the layering rules\n`);
