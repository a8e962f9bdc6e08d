// `npm run eval [-- --json | --markdown] [--data DIR] [--only NAME…] [--no-peers]`: scores the engine and its peers
// on ../shared/data (or ANCHORWATCH_SHARED_DATA) and prints precision/recall/F1 of negative (event, product) pairs.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DETECTOR_VERSION } from '@anchorwatch/engine';
import { loadConfig } from '@anchorwatch/runtime';
import { loadSessions } from './datasets/livecommerce.ts';
import { loadSemevalSets } from './datasets/semeval.ts';
import { loadSentenceSets } from './datasets/sentences.ts';
import { loadZhSentenceSets } from './datasets/zh-sentences.ts';
import { evaluate } from './evaluate.ts';
import { allPeers } from './peers/line-scorers.ts';
import { createZhBaselineDetector } from './peers/zh-lexicon-baseline.ts';
import { formatJson, formatMarkdown, formatTable } from './report.ts';
import { detectorSystem, engineSystem, peerSystem } from './systems.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
    data: { type: 'string' },
    only: { type: 'string', multiple: true },
    'no-peers': { type: 'boolean', default: false },
  },
});

const configured = values.data ?? loadConfig().ANCHORWATCH_SHARED_DATA;
const dataRoot = isAbsolute(configured) ? configured : resolve(repoRoot, configured);
if (!existsSync(dataRoot)) {
  process.stderr.write(`eval: no data at ${dataRoot} (set ANCHORWATCH_SHARED_DATA or pass --data DIR)\n`);
  process.exit(2);
}

const all = [
  ...loadSessions(dataRoot),
  ...loadSentenceSets(resolve(dataRoot, 'sentences')),
  ...loadSemevalSets(resolve(dataRoot, 'semeval2014-restaurants')),
  ...loadZhSentenceSets(resolve(dataRoot, 'zh-sentences')),
];
const sets = values.only ? all.filter((s) => values.only!.some((o) => s.name.includes(o))) : all;
// The English peers see no Chinese; the fair Chinese baseline is a plain lexicon count with our attribution.
const peers = [...allPeers().map(peerSystem), detectorSystem('zh-lexicon-count', createZhBaselineDetector)];
const systems = [engineSystem, ...(values['no-peers'] ? [] : peers)];
const rows = evaluate(sets, systems);
const names = systems.map((s) => s.name);
if (values.json) process.stdout.write(`${formatJson(rows, { detectorVersion: DETECTOR_VERSION, dataRoot, systems: names })}\n`);
else if (values.markdown) process.stdout.write(`${formatMarkdown(rows, names)}\n`);
else process.stdout.write(`eval: ${DETECTOR_VERSION} on ${dataRoot}\n\n${formatTable(rows, names)}\n`);
