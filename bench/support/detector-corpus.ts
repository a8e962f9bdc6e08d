// Generated catalogues, merchant rules and live-commerce lines for the detector benchmark: deterministic
// (seeded), realistic in shape (brand + line + product type names, chat slang, some complaints), and bounded.
import type { Catalog, DetectionRule, IngestEvent } from '@anchorwatch/schemas';

/** A small seeded generator (mulberry32), so every run reads the same text. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const syllables = ['glow', 'lab', 'volt', 'core', 'iron', 'root', 'lumi', 'vera', 'nova', 'pure', 'zen', 'aqua', 'terra',
  'silk', 'kind', 'bloom', 'peak', 'echo', 'flex', 'snap', 'mag', 'dew', 'sol', 'luna', 'ora', 'vita', 'max', 'tru'];
const lines = ['Radiance', 'Hydra', 'Ultra', 'Daily', 'Pro', 'Lite', 'Max', 'Pure', 'Silk', 'Glow', 'Air', 'Flex', 'Night',
  'Sport', 'Classic', 'Mini', 'Turbo', 'Calm', 'Bright', 'Fresh'];
const types = ['Serum', 'Toner', 'Cleanser', 'Moisturizer', 'Sunscreen', 'Power Bank', 'Earbuds', 'Skillet', 'Blender',
  'Hair Dryer', 'Yoga Mat', 'Water Bottle', 'Lipstick', 'Face Mask', 'Phone Case', 'Desk Lamp', 'Backpack', 'Sneakers'];

/** `size` products × 5 aliases, named like real listings ("Glowlab Radiance Serum", "radiance serum", …). */
export function generateCatalog(size: number, seed = 1): Catalog {
  const rand = seeded(seed);
  const products: Catalog['products'] = [];
  for (let i = 0; i < size; i++) {
    const brand = `${pick(rand, syllables)}${pick(rand, syllables)}`;
    const Brand = brand[0]!.toUpperCase() + brand.slice(1);
    const line = pick(rand, lines);
    const type = pick(rand, types);
    const model = `${line}${(i % 97) + 2}`;
    products.push({
      id: `p${i}`,
      name: `${Brand} ${line} ${type} ${i}`,
      brand: Brand,
      sku: `${brand.slice(0, 3).toUpperCase()}-${10_000 + i}`,
      aliases: [`${brand} ${type.toLowerCase()} ${i}`, `${model} ${type.toLowerCase()}`, `${brand} ${model}`, `${brand}${i}`, `${model.toLowerCase()}${i}`],
    });
  }
  return { products };
}

const ruleWords = ['melted', 'warped', 'leaked', 'cracked', 'faded', 'peeling', 'rusted', 'overheated', 'sticky', 'smelly',
  'itchy', 'flimsy', 'scratched', 'dented', 'moldy', 'expired', 'counterfeit', 'knockoff', 'refurbished', 'resold'];
const ruleQualifiers = ['', 'totally', 'badly', 'already', 'slightly', 'completely', 'visibly', 'really', 'super', 'kinda'];

/** `count` keyword and phrase rules (about one in five a two-word phrase), over both scopes. */
export function generateRules(count: number, seed = 2): DetectionRule[] {
  const rand = seeded(seed);
  const rules: DetectionRule[] = [];
  for (let i = 0; i < count; i++) {
    const phrase = i % 5 === 0;
    const word = ruleWords[i % ruleWords.length]!;
    const terms = phrase ? [`${ruleQualifiers[1 + (i % 9)]!} ${word}`] : [`${word}${i < ruleWords.length ? '' : i}`, pick(rand, ruleWords) + `x${i}`];
    rules.push({
      id: `r${i}`,
      name: `rule ${i}`,
      kind: phrase ? 'phrase' : 'keyword',
      terms,
      severity: pick(rand, ['low', 'medium', 'high', 'critical'] as const),
      scope: pick(rand, ['host', 'chat', 'both'] as const),
      enabled: true,
    });
  }
  return rules;
}

const hostNeutral = ['okay guys next up is the {p}, look at this finish', 'we only have forty units of the {p} left tonight',
  'the {p} comes in three colours, link is pinned', 'let me show you the {p} up close under the light',
  "so the {p} is on sale today, grab the five dollar coupon", 'I use the {p} every single morning honestly'];
const hostNegative = ["honestly I wouldn't buy the {p}, it broke after a week", 'the {p} is overpriced, you can get it cheaper elsewhere',
  'not gonna lie the {p} was a total waste of money', 'mine stopped working after two days'];
const chatNeutral = ['how much is the {p}', 'does the {p} ship to canada??', 'hi from ohio 👋', 'what size is it',
  'is the {p} good for oily skin', 'just ordered two!!', 'love it 😍', 'link pls', 'ngl the {p} looks amazing', 'first time here'];
const chatNegative = ['the {p} is a scam', 'my {p} already melted lol', 'sc@m, {p} is fake', 'the {p} gave me a rash 😡',
  'dont buy the {p}, total rip-off', 'mid tbh, the {p} is trash', 'refund please, the {p} leaked everywhere'];

/** `count` lines: 2 in 3 chat, 1 in 7 negative, naming a catalogue product by name or alias (or "it"). */
export function generateLines(catalog: Catalog, count: number, seed = 3): IngestEvent[] {
  const rand = seeded(seed);
  const events: IngestEvent[] = [];
  for (let i = 0; i < count; i++) {
    const product = pick(rand, catalog.products);
    const mention = rand() < 0.4 ? product.name : pick(rand, product.aliases);
    const negative = i % 7 === 3;
    const isChat = i % 3 !== 0;
    const template = pick(rand, isChat ? (negative ? chatNegative : chatNeutral) : negative ? hostNegative : hostNeutral);
    const text = template.replace('{p}', mention);
    events.push(
      isChat
        ? { type: 'chat', id: `c${i}`, ts: new Date(1_790_000_000_000 + i * 100).toISOString(), user: `viewer${i % 50}`, text }
        : { type: 'transcript', id: `t${i}`, start: i / 10, end: i / 10 + 2, speaker: 'host', final: true, text },
    );
  }
  return events;
}
