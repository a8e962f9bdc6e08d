import { burstFinding, compileRulePattern, createDetector, DEFAULT_RULES, detectStream, findChatBursts, RulePatternError } from '@anchorwatch/engine';
import type { Config } from '@anchorwatch/runtime';
import {
  catalog as catalogSchema,
  ingestEvent,
  rulesFile,
  type DetectionRule,
  type Finding,
  type IngestEvent,
} from '@anchorwatch/schemas';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { UsageError } from '../usage-error.ts';

const usage =
  'usage: anchorwatch detect --catalog catalog.json [--input events.jsonl] [--started-at ISO-TIME] [--rules rules.json] [--no-default-rules]';

/**
 * `anchorwatch detect`: runs the engine offline over events in the ingest format (one JSON per line, stdin by
 * default) and prints one JSON line per finding, as the worker would store them: negative (event, product)
 * mentions under the default and `--rules` merchant rules, then chat bursts (CHAT_BURST_* settings). Stream
 * second 0 is `--started-at`, else the first chat message's time (only chat needs it, to place messages against
 * products on air).
 */
export async function detectCommand(args: string[], config: Pick<Config, 'CHAT_BURST_WINDOW_MS' | 'CHAT_BURST_MIN_COMPLAINTS'>): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      catalog: { type: 'string' },
      input: { type: 'string' },
      'started-at': { type: 'string' },
      rules: { type: 'string' },
      'no-default-rules': { type: 'boolean', default: false },
    },
  });
  if (!values.catalog) throw new UsageError(usage);
  const catalog = catalogSchema.parse(JSON.parse(readFileSync(values.catalog, 'utf8')));
  const rules = [...(values['no-default-rules'] ? [] : DEFAULT_RULES), ...(values.rules ? readRules(values.rules) : [])];
  const events = await readEvents(values.input);
  const firstChat = events.find((e) => e.type === 'chat');
  const startedAt = values['started-at'] ?? (firstChat?.type === 'chat' ? firstChat.ts : '1970-01-01T00:00:00Z');
  const startedAtMs = Date.parse(startedAt);
  if (Number.isNaN(startedAtMs)) throw new UsageError(`--started-at is not a time: ${startedAt}`);

  const findings = detectStream(createDetector(catalog, { rules }), events, { startedAtMs });
  const bursts = { windowMs: config.CHAT_BURST_WINDOW_MS, minComplaints: config.CHAT_BURST_MIN_COMPLAINTS };
  for (const finding of [...findings, ...chatBursts(events, findings, bursts)]) {
    process.stdout.write(`${JSON.stringify(finding)}\n`);
  }
}

/** The chat bursts in a whole stream, as the worker raises them batch by batch. */
function chatBursts(events: IngestEvent[], findings: Finding[], options: { windowMs: number; minComplaints: number }): Finding[] {
  const chats = new Map(events.flatMap((e) => (e.type === 'chat' ? [[e.id, e] as const] : [])));
  const out: Finding[] = [];
  const products = [...new Set(findings.filter((f) => f.kind === 'chat_negative').map((f) => f.productId))];
  for (const productId of products) {
    const mine = new Map(findings.filter((f) => f.kind === 'chat_negative' && f.productId === productId).map((f) => [f.eventId, f]));
    const complaints = [...mine.values()].flatMap((f) => {
      const chat = chats.get(f.eventId);
      return chat ? [{ eventId: f.eventId, productId, atMs: Date.parse(chat.ts), viewer: chat.user }] : [];
    });
    for (const burst of findChatBursts(complaints, [], options)) {
      const finding = burstFinding(burst, mine, options);
      if (finding) out.push(finding);
    }
  }
  return out;
}

/** Rules from a file: an array of rules or `{"rules": [...]}`, as `GET /v1/contracts/:id/rules` returns them. */
function readRules(path: string): DetectionRule[] {
  const parsed = rulesFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--rules ${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid rules'}`);
  }
  const rules = Array.isArray(parsed.data) ? parsed.data : parsed.data.rules;
  for (const rule of rules) {
    try {
      if (rule.kind === 'regex' && rule.pattern) compileRulePattern(rule.pattern);
    } catch (err) {
      if (err instanceof RulePatternError) throw new UsageError(`--rules ${path}: rule ${rule.id}: ${err.message}`);
      throw err;
    }
  }
  return rules;
}

async function readEvents(path: string | undefined): Promise<IngestEvent[]> {
  const lines = createInterface({ input: path ? createReadStream(path) : process.stdin, crlfDelay: Infinity });
  const events: IngestEvent[] = [];
  let lineNo = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (!line.trim()) continue;
    const parsed = ingestEvent.safeParse(JSON.parse(line));
    if (!parsed.success) throw new UsageError(`line ${lineNo}: ${parsed.error.issues[0]?.message ?? 'invalid event'}`);
    events.push(parsed.data);
  }
  return events;
}
