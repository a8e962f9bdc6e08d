/** Counts of one system on some pairs. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall and F1 of the negative class; 0 where undefined. */
export interface Figures extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** Compares reported pairs with gold pairs. */
export function countPairs(found: ReadonlySet<string>, gold: ReadonlySet<string>): Counts {
  let tp = 0;
  for (const pair of found) if (gold.has(pair)) tp++;
  return { tp, fp: found.size - tp, fn: gold.size - tp };
}

/** Adds counts (pooling). */
export const addCounts = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });

/** Turns counts into figures. */
export function figuresOf(c: Counts): Figures {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}
