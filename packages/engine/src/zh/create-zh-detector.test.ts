import { finding as findingSchema, type Catalog } from '@anchorwatch/schemas';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../create-detector.ts';
import type { DetectInput } from '../types.ts';

// A made-up catalogue: none of these brands, products or lines come from the shared sessions.
const catalog: Catalog = {
  products: [
    { id: 'blanket', name: '暖阳 石墨烯电热毯 单人', brand: '暖阳', aliases: ['电热毯', '暖阳毯子'] },
    { id: 'cleanser', name: '青禾 氨基酸洗面奶 120g', brand: '青禾', aliases: ['洗面奶', '青禾洁面'] },
    { id: 'phone', name: '星河 Pro5 手机', brand: '星河', aliases: ['Pro5', '星河手机'] },
    { id: 'milk-tea', name: '茶语 原味奶茶 10包', brand: '茶语', aliases: ['奶茶'] },
  ],
};
const detector = createDetector(catalog);
const chat = (text: string): DetectInput => ({ eventId: 'c1', type: 'chat', text, speaker: 'viewer' });
const host = (text: string): DetectInput => ({ eventId: 't1', type: 'transcript', text, speaker: 'host' });
const found = (input: DetectInput, onAir: string | null = null): string[] =>
  detector.detect(input, { onAirProductId: onAir }).map((f) => f.productId).sort();

describe('Chinese detector: what counts as negative', () => {
  it('flags a named complaint and explains it in Chinese with the wire shape', () => {
    const [f] = detector.detect(chat('暖阳电热毯用了三天就坏了 太坑了'), { onAirProductId: null });
    expect(findingSchema.parse(f)).toEqual(f);
    expect(f!.productId).toBe('blanket');
    expect(f!.kind).toBe('chat_negative');
    expect(f!.rule).toMatch(/^phrase\.zh-/);
    expect(f!.explanation.product).toMatchObject({ via: 'alias', text: '暖阳电热毯' });
    expect(f!.explanation.cues.map((c) => c.text)).toEqual(expect.arrayContaining(['坏了']));
  });

  it('reads negated complaints as praise (一点都不烫, 没踩雷, 不差)', () => {
    expect(found(chat('电热毯一点都不烫手 也没踩雷'), 'blanket')).toEqual([]);
    expect(found(chat('洗面奶洗完不紧绷 一点不差'), 'cleanser')).toEqual([]);
  });

  it('flags the host who names the product while discouraging its purchase, not one knocking a rival', () => {
    expect(found(host('这款洗面奶大家别买了 智商税'), 'cleanser')).toEqual(['cleanser']);
    expect(found(host('电热毯别买'), 'blanket')).toEqual(['blanket']);
    expect(found(host('别买别家的洗面奶 买我们的'), 'cleanser')).toEqual([]);
    expect(found(host('有人说这个电热毯是智商税 根本不是'), 'blanket')).toEqual([]);
  });

  it('honours deny entries: a name inside a longer deny entry is no mention, a name as long as one still is', () => {
    const perfume = createDetector({
      products: [{ id: 'perfume', name: '晨露 香水', brand: '晨露', aliases: ['香水'], notMentions: ['香水柠檬茶', '水柠'] }],
    });
    const about = (text: string) => perfume.detect(chat(text), { onAirProductId: null }).map((f) => f.productId);
    expect(about('香水柠檬茶太难喝了 踩雷')).toEqual([]);
    expect(about('这个香水太难闻了 踩雷')).toEqual(['perfume']);
    expect(about('晨露香水柠檬味的太难闻了 踩雷')).toEqual(['perfume']);
  });

  it('leaves questions alone but keeps accusing ones', () => {
    expect(found(chat('电热毯能水洗吗'), 'blanket')).toEqual([]);
    expect(found(chat('洗面奶会不会拔干啊'), 'cleanser')).toEqual([]);
    expect(found(chat('这个是不是过期了？日期都看不清'), 'cleanser')).toEqual(['cleanser']);
  });

  it('treats a host answering a complaint, or promising a remedy, as no complaint', () => {
    expect(found(host('有宝宝问是不是假货啊 不是的 每一盒都有防伪标'), 'cleanser')).toEqual([]);
    expect(found(host('收到坏了的宝宝拍照联系客服 我们直接补发'), 'blanket')).toEqual([]);
  });

  it('flags the host owning up to a fault, not the host describing the product', () => {
    const [f] = detector.detect(host('说实话这个洗面奶洗完是有点干的'), { onAirProductId: 'cleanser' });
    expect(f).toMatchObject({ productId: 'cleanser', kind: 'host_negative', severity: 'high' });
    expect(found(host('这个洗面奶洗完不干 很温和'), 'cleanser')).toEqual([]);
  });

  it('keeps praise that uses negative-looking words (好用到哭, 贵是贵但值)', () => {
    expect(found(chat('洗面奶好用到哭'), 'cleanser')).toEqual([]);
    expect(found(chat('贵是贵 但是真值'), 'blanket')).toEqual([]);
  });

  it('catches sarcasm in scare quotes and off smells singled out', () => {
    expect(found(chat('真是“好”毯子啊 一晚上断电三次'), 'blanket')).toEqual(['blanket']);
    const [f] = detector.detect(chat('这个有股塑料味 熏得慌'), { onAirProductId: 'blanket' });
    expect(f!.explanation.product).toMatchObject({ via: 'on_air', text: '这个' });
  });

  it('counts a comparison that favours something else against the product on air', () => {
    expect(found(chat('还不如拼多多九块九的'), 'cleanser')).toEqual(['cleanser']);
  });
});

describe('Chinese detector: which product a complaint is about', () => {
  it('pins each clause of a mixed line on the product it names', () => {
    expect(found(chat('洗面奶挺好用的 但是电热毯真的别买'), 'cleanser')).toEqual(['blanket']);
  });

  it('does not blame the product on air for the courier or another shop', () => {
    expect(found(chat('快递太慢了 差评'), 'blanket')).toEqual([]);
    expect(found(chat('之前在别家买的毯子一股怪味'), 'blanket')).toEqual([]);
  });

  it('finds nothing before anything is on air when no product is named', () => {
    expect(found(chat('太难用了 垃圾'))).toEqual([]);
  });

  it('does not take a short name inside a longer word or model for a mention', () => {
    expect(found(chat('楼下奶茶店的服务太差了'))).toEqual([]);
    expect(found(chat('我的ipad pro5太卡了 垃圾'))).toEqual([]);
  });

  it('matches a brand written with other characters of the same sound (亲禾 for 青禾)', () => {
    const [f] = detector.detect(chat('亲禾家的东西用完烂脸'), { onAirProductId: null });
    expect(f).toMatchObject({ productId: 'cleanser', explanation: { product: { via: 'alias', text: '亲禾' } } });
  });

  it('the longest name wins over a shorter one inside it', () => {
    const [f] = detector.detect(chat('星河手机发烫严重 垃圾'), { onAirProductId: null });
    expect(f!.explanation.product.text).toBe('星河手机');
  });
});

describe('Chinese detector: normalisation', () => {
  it('reads Traditional characters and full-width forms', () => {
    expect(found(chat('電熱毯用了兩天就壞了'))).toEqual(['blanket']);
    const [f] = detector.detect(chat('ＰＲＯ５用了一个月就黑屏了'), { onAirProductId: null });
    expect(f!.explanation.product.text).toBe('ＰＲＯ５');
  });

  it('reads words split by separators, drawn-out characters and emoji, and pinyin initialisms', () => {
    expect(found(chat('踩*雷了啊啊啊啊😭😭'), 'blanket')).toEqual(['blanket']);
    expect(found(chat('电热毯yyds 暖和'), 'blanket')).toEqual([]);
    expect(found(chat('电热毯就是lj'), 'blanket')).toEqual(['blanket']);
  });
});

describe('language dispatch', () => {
  it('sends Chinese lines to the Chinese rules unless the session says English', () => {
    const input = chat('电热毯用了三天就坏了');
    expect(detector.detect(input, { onAirProductId: null }).map((f) => f.productId)).toEqual(['blanket']);
    expect(detector.detect(input, { onAirProductId: null, language: 'en' })).toEqual([]);
    expect(detector.detect({ ...input, language: 'zh' }, { onAirProductId: null, language: 'en' })).toHaveLength(1);
  });

  it('runs the English stretches of a mixed line through the English rules', () => {
    const [f] = detector.detect(chat('家人们 this blanket is total garbage and a waste of money'), { onAirProductId: 'blanket' });
    expect(f!.productId).toBe('blanket');
    expect(f!.explanation.clause).toContain('garbage');
  });

  it("reads a mixed line's English stretch as its speaker's words, not as a text of its own", () => {
    const monitor = createDetector({ products: [{ id: 'm', name: '极光 27寸显示器', brand: '极光', aliases: ['显示器'] }] });
    const spec = '这款显示器IPS面板DCI P3色域还带Type C接口';
    // Cut out and read alone as the first line of a stream, the spec terms look like a terse post's complaint.
    const stretch = { eventId: 't1', type: 'transcript' as const, text: spec.replace(/[\u3400-\u9fff]/g, ' ') };
    const alone = monitor.detect(stretch, { onAirProductId: 'm', voice: {}, language: 'en' });
    expect(alone.map((f) => f.explanation.model?.register)).toEqual(['social post']);
    // In the host's Chinese line they are host speech: nothing negative, and nothing counted in the voice.
    const voice = {};
    expect(monitor.detect({ ...stretch, text: spec }, { onAirProductId: 'm', voice })).toEqual([]);
    expect(voice).toEqual({});
  });
});

describe('Chinese detector: odd input', () => {
  it('never throws and keeps offsets inside the line', () => {
    const odd = ['', '   ', '？？？', '😭😭😭', '𠮷野家的洗面奶烂脸了', 'ａ'.repeat(500), '踩雷'.repeat(2000), '\u0000\uFFFF\uD800', '“”「」', '电热毯 '.repeat(300)];
    for (const text of odd) {
      const findings = detector.detect(chat(text), { onAirProductId: 'cleanser' });
      for (const f of findings) {
        expect(f.explanation.product.end).toBeLessThanOrEqual(text.length);
        expect(text).toContain(f.explanation.clause);
      }
    }
    const [f] = detector.detect(chat('𠮷野家的洗面奶烂脸了'), { onAirProductId: null });
    expect(f!.explanation.product.text).toBe('洗面奶');
  });
});
