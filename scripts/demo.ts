// `npm run demo [-- --speed N]`: starts the stack if needed, replays examples/sample-session into a fresh merchant's
// live session and prints each alert as the worker raises it.
import { loadConfig } from '@anchorwatch/runtime';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bold } from './demo/format.ts';
import { runSession } from './demo/run-session.ts';
import { loadSampleSession, sampleDuration } from './demo/sample-session.ts';
import { setupTenant } from './demo/setup-tenant.ts';
import { ensureStack, type Stack } from './demo/stack.ts';
import { formatSummary } from './demo/summary.ts';

const usage = 'usage: npm run demo [-- --speed N]    N > 0 plays the sample N times faster (default 1, real time)';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const sampleDir = 'examples/sample-session';
const labels = { creator: 'Tidebloom Glow Hour', title: 'Demo: Tidebloom Glow Hour (sample session)' };

class UsageError extends Error {}

/** Reads `--speed N` (default 1). */
function parseSpeed(args: string[]): number {
  let values: { speed?: string };
  try {
    ({ values } = parseArgs({ args, options: { speed: { type: 'string' } }, strict: true }));
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n${usage}`);
  }
  const speed = Number(values.speed ?? '1');
  if (!Number.isFinite(speed) || speed <= 0) throw new UsageError(`--speed must be a number above 0\n${usage}`);
  return speed;
}

const interrupt = new AbortController();
let interrupts = 0;
const onSignal = () => {
  interrupts += 1;
  if (interrupts === 1) {
    console.log('\nInterrupted: ending the session and stopping what the demo started (Ctrl-C again to quit now).');
    interrupt.abort();
  } else process.exit(130);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

let stack: Stack | null = null;
let summarised = false;
try {
  const speed = parseSpeed(process.argv.slice(2));
  const config = loadConfig();
  const sample = await loadSampleSession(`${repoRoot}${sampleDir}`);
  const seconds = Math.round(sampleDuration(sample));
  console.log(bold('Anchorwatch demo'));
  console.log(`Sample: ${sampleDir}, ${sample.events.length} events over ${seconds} s of stream, played at ${speed}× speed`);

  stack = await ensureStack(config, {
    repoRoot,
    signal: interrupt.signal,
    onSpawn: (logFile) => console.log(`Stack: not running; starting \`npm start\`, logging to ${logFile} …`),
  });
  console.log(stack.logFile ? `Stack: ready at ${stack.apiUrl}` : `Stack: already running at ${stack.apiUrl} (left running)`);

  const tenant = await setupTenant(config, stack.apiUrl, sample.products, {
    merchant: `Anchorwatch demo ${new Date().toISOString()}`,
    ...labels,
  });
  console.log(`Created merchant ${tenant.merchantId} with ${tenant.productIdByKey.size} products and a contract;`);
  console.log(`session ${tenant.session.id} "${labels.title}".`);
  console.log(`Streaming to ${tenant.session.ingestUrl}. Sent lines are indented, alerts start with ⚠.\n`);

  const streamBegan = Date.now();
  const outcome = await runSession(tenant, sample, { speed, signal: interrupt.signal });
  for (const line of formatSummary(tenant, outcome, Date.now() - streamBegan)) console.log(line);
  summarised = true;
  process.exitCode = 0;
} catch (err) {
  if (interrupt.signal.aborted) process.exitCode = 130;
  else if (err instanceof UsageError) {
    console.error(err.message);
    process.exitCode = 2;
  } else {
    console.error(`\ndemo failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
} finally {
  if (stack?.logFile) {
    // The alerts stay in the database; only the curl above needs the stack up again.
    const hint = summarised ? '; run `npm start` before the curl' : '';
    console.log(`\nStopping the stack the demo started (its log stays at ${stack.logFile})${hint}.`);
    await stack.stop();
  }
}
