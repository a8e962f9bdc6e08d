// `npm run train [-- --data DIR]`: trains the engine's line model on the English sets in ../shared/data and
// writes packages/engine/src/model/shipped-model.json. Deterministic: the same data gives the same file.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataRoot } from './data-root.ts';
import { loadAllSets } from './datasets/load-all.ts';
import { MODEL_OPTIONS, trainOn } from './model/train.ts';
import { trainingLines } from './model/training-lines.ts';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const dataRoot = resolveDataRoot(values.data);
const lines = trainingLines(loadAllSets(dataRoot), MODEL_OPTIONS.bits);
const model = trainOn(lines);
const trainedOn: Record<string, number> = {};
for (const line of lines) trainedOn[line.set] = (trainedOn[line.set] ?? 0) + 1;
const target = resolve(import.meta.dirname, '../packages/engine/src/model/shipped-model.json');
writeFileSync(target, `${JSON.stringify(model.encode(trainedOn, 'npm run train'), null, 1)}\n`);
process.stdout.write(`train: ${lines.length} lines (${Object.entries(trainedOn).map(([s, n]) => `${s} ${n}`).join(', ')}) → ${target}\n`);
