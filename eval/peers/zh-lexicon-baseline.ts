import type { Catalog, Finding } from '@anchorwatch/schemas';
import type { Detector } from '@anchorwatch/engine';
import { attributeZh } from '../../packages/engine/src/zh/attribute.ts';
import { buildZhFinding } from '../../packages/engine/src/zh/build-finding.ts';
import { compileZhMentions, findZhMentions } from '../../packages/engine/src/zh/find-mentions.ts';
import { scanMarkers } from '../../packages/engine/src/zh/markers.ts';
import { normalizeZh } from '../../packages/engine/src/zh/normalize.ts';
import { defaultSegmenter } from '../../packages/engine/src/zh/segmenter.ts';

// A general-purpose Chinese review sentiment list, as a plain lexicon counter would ship: no live-commerce slang,
// no negation, no questions, no rebuttals. Each occurrence counts ±1.
const POSITIVE = [
  '好', '不错', '喜欢', '满意', '推荐', '值得', '棒', '赞', '优秀', '舒服', '方便', '好吃', '好用', '漂亮', '划算', '便宜',
  '快', '干净', '新鲜', '开心', '完美', '惊喜', '实惠', '超值', '可以', '爱', '香', '甜', '美', '强', '稳', '正品',
];
const NEGATIVE = [
  '差', '不好', '垃圾', '失望', '难吃', '难用', '贵', '慢', '脏', '坏', '烂', '假', '后悔', '退货', '投诉', '糟糕', '恶心',
  '一般', '麻烦', '问题', '生气', '不满', '骗', '坑', '难闻', '破', '臭', '吵', '硬', '咸', '油腻', '过期', '过敏', '痒',
  '疼', '不值', '不行', '无语', '郁闷', '可惜', '没用',
];

const count = (text: string, words: readonly string[]): number =>
  words.reduce((n, w) => n + (text.split(w).length - 1), 0);

/** Positive minus negative word occurrences in a line (after the engine's normalisation). */
export function zhLexiconCount(text: string): number {
  const norm = normalizeZh(text).text;
  return count(norm, POSITIVE) - count(norm, NEGATIVE);
}

/** The baseline as a line scorer: negative when negative words outnumber positive ones. */
export const zhLexiconScorer = { name: 'zh-lexicon-count', isNegative: (text: string): boolean => zhLexiconCount(text) < 0 };

/** The baseline as a detector: the lexicon count for the line, then the engine's Chinese attribution. */
export function createZhBaselineDetector(catalog: Catalog): Detector {
  const index = compileZhMentions(catalog);
  const segmenter = defaultSegmenter();
  return {
    version: 'zh-lexicon-count',
    detect(input, context): Finding[] {
      const total = zhLexiconCount(input.text);
      if (total >= 0) return [];
      const norm = normalizeZh(input.text);
      const clause = { start: 0, end: norm.text.length, question: false, accusing: false, contrast: false };
      const judged = [{ clause, score: { total, cues: [], negated: [], phrases: [], denied: [], sarcasm: false }, negative: true }];
      const mentions = findZhMentions(index, norm.text, segmenter);
      const seen = new Set<string>();
      return attributeZh(norm.text, judged, mentions, context.onAirProductId, scanMarkers(norm.text))
        .filter((a) => !seen.has(a.productId) && seen.add(a.productId))
        .map((a) => buildZhFinding({ eventId: input.eventId, type: input.type, text: input.text }, norm, a, judged[0]!, 'zh-lexicon-count'));
    },
  };
}
