// `npm run bench [-- NAME…]`: runs every bench/*.bench.ts (or the named ones) one after another.
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const dir = new URL('.', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)));
for (const file of files) {
  process.stdout.write(`\n## ${file}\n`);
  const { main } = (await import(new URL(file, dir).href)) as { main: () => Promise<void> };
  await main();
}
