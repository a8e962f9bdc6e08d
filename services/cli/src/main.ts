import { loadConfig } from '@anchorwatch/runtime';
import { detectCommand } from './commands/detect.ts';
import { evidenceCommand } from './commands/evidence.ts';
import { merchantsCommand } from './commands/merchants.ts';
import { migrateCommand } from './commands/migrate.ts';
import { UsageError } from './usage-error.ts';

const help = `anchorwatch <command>
  merchants create --name NAME      create a merchant; prints {"merchantId","apiKey"} (an admin key, shown once)
  migrate                           create the database if missing and apply migrations
  detect --catalog FILE [--input FILE] [--started-at ISO] [--rules FILE] [--no-default-rules]
                                    print one JSON line per finding (negative mentions, rule matches, chat bursts)
  evidence verify BUNDLE.zip        verify an evidence export offline: hashes, chain links, proofs (exit 1 on failure)
  evidence purge                    purge raw events past EVIDENCE_RETENTION_DAYS that nothing references`;

/** Dispatches `anchorwatch <command>`. */
async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'merchants':
      return merchantsCommand(loadConfig(), args);
    case 'migrate':
      return migrateCommand(loadConfig());
    case 'detect':
      return detectCommand(args, loadConfig());
    case 'evidence':
      return evidenceCommand(args, () => loadConfig());
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(`${help}\n`);
      return;
    default:
      throw new UsageError(`unknown command "${command}"\n${help}`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`anchorwatch: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
}
