import { resolve } from 'node:path';
import type { EvalSet } from '../stream.ts';
import { loadSessions } from './livecommerce.ts';
import { loadSemevalSets } from './semeval.ts';
import { loadSentenceSets } from './sentences.ts';
import { loadZhSentenceSets } from './zh-sentences.ts';

/** Every labelled set under the data root: sessions, sentence sets, aspect sets, Chinese review sets. */
export function loadAllSets(dataRoot: string): EvalSet[] {
  return [
    ...loadSessions(dataRoot),
    ...loadSentenceSets(resolve(dataRoot, 'sentences')),
    ...loadSemevalSets(resolve(dataRoot, 'semeval2014-restaurants')),
    ...loadZhSentenceSets(resolve(dataRoot, 'zh-sentences')),
  ];
}
