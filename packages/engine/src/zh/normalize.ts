import * as OpenCC from 'opencc-js/t2cn';

/** A line rewritten for matching, with where each of its characters came from in the original line. */
export interface NormalizedText {
  text: string;
  /** origin[i] is the index in the original line of normalised character i; origin[text.length] is its length. */
  origin: number[];
}

// Hong Kong variants cover the Cantonese characters of chat (冇, 嘅) as well as the Taiwan forms.
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

// Pinyin initialisms of chat slang, written out so the lexicon reads them as words.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  yyds: '永远的神',
  xswl: '笑死我了',
  nsdd: '你说得对',
  bdjw: '不懂就问',
  srds: '虽然但是',
  yysy: '有一说一',
  u1s1: '有一说一',
  dbq: '对不起',
  lj: '垃圾',
  nb: '牛',
  awsl: '啊我死了',
  zqsg: '真情实感',
  ssfd: '瑟瑟发抖',
  wtcl: '我太难了',
  jjz: '绝绝子',
  tql: '太强了',
  cpzs: '产品智商税',
};

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// Characters people put between the characters of a word to slip past filters (踩*雷, 智.商.税).
const SEPARATOR_SET = new Set('*·•._-|/\\~～^`+＊');
const SEPARATOR_CODES = new Set(Array.from(SEPARATOR_SET, (c) => c.charCodeAt(0)));
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u200d\ufe0e\ufe0f]/u;
const isCjk = (ch: string | undefined): boolean => ch !== undefined && ch >= '\u3400' && CJK.test(ch);

/**
 * Normalises a Chinese line: full-width to half-width (NFKC), Latin to lower case, Traditional to Simplified,
 * emoji dropped, separators inside words dropped, runs of one character cut to two (啊啊啊 → 啊啊) and pinyin
 * initialisms (yyds, xswl) written out. Offsets back into the original line are kept for explanations.
 */
export function normalizeZh(line: string): NormalizedText {
  if (isPlain(line)) return { text: line, origin: identity(line.length + 1) };
  const chars: string[] = [];
  // Offsets stay the identity until a character is dropped, split or merged; only then is the map written out.
  let origin: number[] | null = null;
  let traditional = false;
  let latin = false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const at = i;
    if (code >= 0x4e00 && code <= 0x9fff) {
      const ch = line[i]!;
      if (!traditional && isTraditional(ch)) traditional = true;
      if (!traditional && dropped(chars, ch, line, i + 1)) {
        origin ??= identity(chars.length);
        continue;
      }
      chars.push(ch);
      origin?.push(at);
      continue;
    }
    let raw = line[i]!;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) raw += line[++i]!;
    const folded = foldChar(raw);
    if (folded.length !== 1 || raw.length !== 1) origin ??= identity(chars.length);
    for (let k = 0; k < folded.length; k++) {
      const ch = folded[k]!;
      if (!traditional && ch >= '\u3400' && isTraditional(ch)) traditional = true;
      if (!latin && ch >= 'a' && ch <= 'z') latin = true;
      // Separators inside a word (踩*雷) and the third and later of a run (啊啊啊) go; a Traditional line keeps
      // them until after conversion, which may join characters.
      if (!traditional && dropped(chars, ch, line, i + 1)) {
        origin ??= identity(chars.length);
        continue;
      }
      chars.push(ch);
      origin?.push(at);
    }
  }
  const offsets = origin ?? identity(chars.length);
  if (!traditional) return latin ? expandAbbreviations(chars, offsets, line.length) : { text: chars.join(''), origin: [...offsets, line.length] };
  // Only lines with a Traditional character pay for OpenCC's phrase-level pass.
  const whole = [...toSimplified(chars.join(''))];
  const converted = whole.length === chars.length ? whole : chars.map(simplifiedChar);
  const outChars: string[] = [];
  const outOrigin: number[] = [];
  for (let k = 0; k < converted.length; k++) {
    const ch = converted[k]!;
    if (SEPARATOR_SET.has(ch) && isCjk(outChars.at(-1)) && isCjk(converted[k + 1])) continue;
    if (ch === outChars.at(-1) && ch === outChars.at(-2)) continue;
    outChars.push(ch);
    outOrigin.push(offsets[k]!);
  }
  return expandAbbreviations(outChars, outOrigin, line.length);
}

// A line that normalisation leaves as it is (the usual ASR line): Simplified Chinese characters, digits, spaces
// and ASCII punctuation other than separators, with no character three times in a row.
function isPlain(line: string): boolean {
  let last = -1;
  let run = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    run = c === last ? run + 1 : 1;
    last = c;
    if (run >= 3) return false;
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (isTraditionalCode(c)) return false;
    } else if (c >= 0x80) {
      // Chinese punctuation (，。“”) and other characters folding leaves alone keep a line plain.
      if (!foldsToItself(c) || (c >= 0x3400 && isTraditionalCode(c))) return false;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || SEPARATOR_CODES.has(c) || c < 0x20) {
      return false;
    }
  }
  return true;
}

// Per BMP code unit from 0x80: 0 not yet looked up, 1 folding leaves it as it is, 2 folding changes or drops it.
const foldState = new Uint8Array(0x10000);
function foldsToItself(code: number): boolean {
  if (code >= 0xd800 && code <= 0xdfff) return false;
  if (foldState[code] === 0) {
    const ch = String.fromCharCode(code);
    foldState[code] = !SEPARATOR_CODES.has(code) && foldChar(ch) === ch ? 1 : 2;
  }
  return foldState[code] === 1;
}

// Offset maps start as the identity; copying a prefix of one shared, grown array is cheaper than building each.
let identities: number[] = [0];
function identity(n: number): number[] {
  if (identities.length < n) {
    const grown = identities.slice();
    const size = Math.max(n, 2 * grown.length);
    for (let i = grown.length; i < size; i++) grown.push(i);
    identities = grown;
  }
  return identities.slice(0, n);
}

// Whether `ch`, about to follow `chars`, is dropped: a separator between two Chinese characters, or a third repeat.
function dropped(chars: readonly string[], ch: string, line: string, next: number): boolean {
  const n = chars.length;
  if (n >= 2 && ch === chars[n - 1] && ch === chars[n - 2]) return true;
  return SEPARATOR_SET.has(ch) && isCjk(chars[n - 1]) && isCjk(line[next]);
}

// Per CJK code point: 0 not yet looked up, 1 already Simplified, 2 Traditional (OpenCC changes it).
const FIRST_CJK = 0x3400;
const simplifiedState = new Uint8Array(0xa000 - FIRST_CJK);
function isTraditional(ch: string): boolean {
  return isTraditionalCode(ch.charCodeAt(0));
}

function isTraditionalCode(code: number): boolean {
  const index = code - FIRST_CJK;
  if (index < 0 || index >= simplifiedState.length) return code >= 0xf900 && code <= 0xfaff;
  if (simplifiedState[index] === 0) {
    const ch = String.fromCharCode(code);
    simplifiedState[index] = toSimplified(ch) === ch ? 1 : 2;
  }
  return simplifiedState[index] === 2;
}

const simplifiedMemo = new Map<string, string>();
function simplifiedChar(ch: string): string {
  const held = simplifiedMemo.get(ch);
  if (held !== undefined) return held;
  const out = toSimplified(ch);
  simplifiedMemo.set(ch, out);
  return out;
}

// ASCII and common CJK characters need no Unicode folding; everything else goes through NFKC, emoji are dropped.
function foldChar(raw: string): string {
  const code = raw.codePointAt(0)!;
  if (code < 0x80) return raw.toLowerCase();
  if (code >= 0x4e00 && code <= 0x9fff) return raw;
  if (EMOJI.test(raw)) return '';
  const folded = raw.normalize('NFKC').toLowerCase();
  // Characters outside the Basic Multilingual Plane (rare CJK, 𠮷) become one placeholder unit, so the line
  // stays indexable character by character.
  return folded.length > 1 && folded.codePointAt(0)! > 0xffff ? '□' : folded;
}

const isAsciiWordChar = (ch: string): boolean => (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');

function expandAbbreviations(chars: string[], origin: number[], length: number): NormalizedText {
  const text: string[] = [];
  const out: number[] = [];
  let k = 0;
  while (k < chars.length) {
    let end = k;
    while (end < chars.length && isAsciiWordChar(chars[end]!)) end++;
    if (end > k && chars[k]! >= 'a' && chars[k]! <= 'z') {
      const word = chars.slice(k, end).join('');
      const expansion = ABBREVIATIONS[word];
      for (const ch of expansion ?? word) {
        text.push(ch);
        out.push(origin[k]!);
      }
      k = end;
      continue;
    }
    text.push(chars[k]!);
    out.push(origin[k]!);
    k++;
  }
  out.push(length);
  return { text: text.join(''), origin: out };
}

/** Maps a range of the normalised text back to the original line. */
export function originalRange(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const from = norm.origin[start] ?? norm.origin.at(-1)!;
  if (end <= start) return { start: from, end: from };
  // The end maps to just past the last character's origin, so multi-character originals stay whole.
  const last = end > start ? norm.origin[end - 1]! : from;
  let to = norm.origin[end] ?? norm.origin.at(-1)!;
  if (to <= last) to = last + 1;
  return { start: from, end: Math.max(from, to) };
}
