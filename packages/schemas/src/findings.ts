import { z } from 'zod';

export const severity = z.enum(['low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof severity>;

/** Ordered from least to most severe, for "minimum severity" filters. */
export const severityRank: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/**
 * Who said it: host speech is the contract breach, viewer chat a reputation signal, and a burst of viewer
 * complaints about one product within a short window (`chat_burst`) an alert of its own.
 */
export const findingKind = z.enum(['host_negative', 'chat_negative', 'chat_burst']);
export type FindingKind = z.infer<typeof findingKind>;

/** How a product was found in the text: by name, alias or SKU code, loosely (a typo, a mishearing) or by being on air. */
export const mentionVia = z.enum(['name', 'alias', 'sku', 'on_air', 'fuzzy', 'phonetic']);

/**
 * How a stream's transcript lines have read so far: how many lines the line model, reading each on its own, took
 * for each kind of text ("host speech": 212, "film review": 3). The kind over half of them read as (else host
 * speech) is the stream's voice: a speaker does not turn film critic for one line. The worker keeps one per session.
 */
export const voice = z.record(z.string(), z.number().int().nonnegative());
export type Voice = z.infer<typeof voice>;

/** Why the engine flagged a (event, product) pair, in terms a lawyer can read. */
export const explanation = z.object({
  clause: z.string(),
  product: z.object({
    via: mentionVia,
    text: z.string(),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    /**
     * The other catalogue products the same words name, when nothing on air settles which one was meant (an alias
     * two products share): the complaint is reported for each of them, none guessed.
     */
    ambiguousWith: z.array(z.string()).optional(),
  }),
  cues: z.array(z.object({ text: z.string(), weight: z.number(), source: z.enum(['lexicon', 'phrase']) })),
  negated: z.array(z.string()),
  /**
   * The line model's reading (English lines): how likely the line is negative, the kind of text it read the line
   * as, and the words that pushed it most towards negative with their weights. Absent when no model read the line.
   */
  model: z
    .object({
      version: z.string(),
      probability: z.number().min(0).max(1),
      /**
       * The kind of text the model read the line as ("host speech", "live chat", or a kind of written review or
       * post when a transcript stream reads like one): each kind weighs words its own way. A transcript line is
       * read in its stream's voice (`Voice`) once the stream has a few lines.
       */
      register: z.string().optional(),
      /** `text` as the tokenizer spells it ("dont", "waste of"); `negated` when a negator came just before. */
      words: z.array(z.object({ text: z.string(), weight: z.number(), negated: z.boolean() })),
    })
    .optional(),
  /** Merchant rules that fired on this line, with what each matched (absent when none did). */
  rules: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(['keyword', 'phrase', 'regex', 'sentiment']),
        severity,
        /** The matched span of the line; for a sentiment rule, the threshold the score met instead. */
        match: z.object({ text: z.string(), start: z.number().int().min(0), end: z.number().int().min(0) }).nullable(),
        threshold: z.number().optional(),
      }),
    )
    .optional(),
  /** For a `chat_burst`: how many complaints by how many viewers within how long, and which events. */
  burst: z
    .object({
      windowSeconds: z.number(),
      complaints: z.number().int(),
      viewers: z.number().int(),
      eventIds: z.array(z.string()),
    })
    .optional(),
});

/** One negative mention of a contracted product in one event. */
export const finding = z.object({
  eventId: z.string(),
  productId: z.string(),
  kind: findingKind,
  rule: z.string(),
  severity,
  /** Negativity in [0, 1]: 0 is neutral, 1 the strongest negative the engine scores. */
  score: z.number().min(0).max(1),
  explanation,
  detectorVersion: z.string(),
});

export type Explanation = z.infer<typeof explanation>;
export type Finding = z.infer<typeof finding>;
