// `npm run eval [-- --json | --markdown] [--data DIR] [--only NAME…] [--no-peers]`: scores the engine and its peers
// on ../shared/data (or ANCHORWATCH_SHARED_DATA) and prints precision/recall/F1 of negative (event, product) pairs.
import { parseArgs } from 'node:util';
import { DETECTOR_VERSION, SHIPPED_MODEL } from '@anchorwatch/engine';
import { resolveDataRoot } from './data-root.ts';
import { loadAllSets } from './datasets/load-all.ts';
import { evaluate } from './evaluate.ts';
import { crossFittedEngine } from './model/cross-fit.ts';
import { allPeers } from './peers/line-scorers.ts';
import { createZhBaselineDetector } from './peers/zh-lexicon-baseline.ts';
import { formatJson, formatMarkdown, formatTable } from './report.ts';
import { detectorSystem, engineSystem, peerSystem } from './systems.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
    data: { type: 'string' },
    only: { type: 'string', multiple: true },
    'no-peers': { type: 'boolean', default: false },
    shipped: { type: 'boolean', default: false },
  },
});

const dataRoot = resolveDataRoot(values.data);
const all = loadAllSets(dataRoot);
const sets = values.only ? all.filter((s) => values.only!.some((o) => s.name.includes(o))) : all;
// The English peers see no Chinese; the fair Chinese baseline is a plain lexicon count with our attribution.
const peers = [...allPeers().map(peerSystem), detectorSystem('zh-lexicon-count', createZhBaselineDetector)];
// Cross-fitted by default: no line is scored by a model that trained on it. `--shipped` scores the shipped model
// on everything, lines it trained on included (an optimistic figure, for checking the shipped file).
const engine = values.shipped ? engineSystem : crossFittedEngine(all);
const systems = [engine, ...(values['no-peers'] ? [] : peers)];
const rows = evaluate(sets, systems);
const detectorVersion = `${DETECTOR_VERSION}+${SHIPPED_MODEL.version} (${values.shipped ? 'shipped model' : 'cross-fitted'})`;
const names = systems.map((s) => s.name);
if (values.json) process.stdout.write(`${formatJson(rows, { detectorVersion, dataRoot, systems: names })}\n`);
else if (values.markdown) process.stdout.write(`${formatMarkdown(rows, names)}\n`);
else process.stdout.write(`eval: ${detectorVersion} on ${dataRoot}\n\n${formatTable(rows, names)}\n`);
