import { verifyBundle } from '@anchorwatch/evidence';
import type { Config } from '@anchorwatch/runtime';
import { createPool, purgeExpiredEvents } from '@anchorwatch/store';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { UsageError } from '../usage-error.ts';

const usage = `usage: anchorwatch evidence verify BUNDLE.zip   check an export bundle offline (exit 1 when anything fails)
       anchorwatch evidence purge                purge raw events past EVIDENCE_RETENTION_DAYS once`;

/** `anchorwatch evidence verify|purge`. Verify needs nothing but the bundle: no database, no network. */
export async function evidenceCommand(args: string[], config: () => Config): Promise<void> {
  const [action, ...rest] = args;
  if (action === 'verify') return verifyCommand(rest);
  if (action === 'purge') return purgeCommand(config());
  throw new UsageError(usage);
}

function verifyCommand(args: string[]): void {
  const [path] = args;
  if (!path || args.length !== 1) throw new UsageError(usage);
  let files: Map<string, Uint8Array>;
  try {
    files = new Map(Object.entries(unzipSync(readFileSync(path))));
  } catch (err) {
    process.stdout.write(`FAILED: ${path} is not a readable zip bundle (${(err as Error).message})\n`);
    process.exitCode = 1;
    return;
  }
  const report = verifyBundle(files);
  if (report.ok) {
    process.stdout.write(`OK: ${report.clipsChecked} clips, their chain links and ${report.rootsChecked} session Merkle roots verified\n`);
    return;
  }
  const failure = report.firstFailure!;
  process.stdout.write(
    `FAILED: ${failure.clipId ? `first failing clip ${failure.clipId}` : 'the bundle itself'}\n` +
      failure.problems.map((p) => `  - ${p}\n`).join(''),
  );
  process.exitCode = 1;
}

async function purgeCommand(config: Config): Promise<void> {
  const pool = createPool(config.DATABASE_URL, 1);
  try {
    const purged = await purgeExpiredEvents(pool, {
      retentionDays: config.EVIDENCE_RETENTION_DAYS,
      batchSize: config.EVIDENCE_PURGE_BATCH_SIZE,
    });
    process.stdout.write(`${JSON.stringify({ purged })}\n`);
  } finally {
    await pool.end();
  }
}
