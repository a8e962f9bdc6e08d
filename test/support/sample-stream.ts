import type { IngestEvent } from '@anchorwatch/schemas';

export interface StreamProduct {
  id: string;
  alias: string;
}

/** A generated stream and, for each line, the products a careful monitor would flag it for. */
export interface SampleStream {
  events: IngestEvent[];
  expected: Map<string, string[]>;
}

const neutralHost = [
  "okay let's get into the next thing on the table",
  'we have about forty units left in stock tonight',
  'hit follow and grab the five dollar coupon at the top',
  'let me show you the texture up close under the light',
];
const positiveHost = ['this is honestly my favourite of the night', 'such great value, I use it every single day'];
const neutralChat = ['what size is it', 'hi from Ohio', 'how much is shipping to Canada', 'not bad at all'];
const positiveChat = ['love it', 'just ordered two!', 'looks amazing on you'];

/**
 * A deterministic stream of `lines` transcript and chat lines over `products`, with on-air switches every 20 lines
 * and one clearly negative line in every 7: named ("the X broke…") or deictic ("this is a waste…") under the
 * product on air. Chat times are `startedAtMs` + offset.
 */
export function sampleStream(products: StreamProduct[], lines: number, startedAtMs: number): SampleStream {
  const events: IngestEvent[] = [];
  const expected = new Map<string, string[]>();
  let onAir = products[0]!;
  for (let i = 0; i < lines; i += 1) {
    const at = 5 + i * 2;
    if (i % 20 === 0) {
      onAir = products[(i / 20) % products.length]!;
      events.push({ type: 'product_on_air', id: `p${i}`, productId: onAir.id, at: at - 1 });
    }
    const named = products[(i * 3 + 1) % products.length]!;
    const isChat = i % 3 !== 0;
    const id = `${isChat ? 'c' : 't'}${i}`;
    let text: string;
    if (i % 7 === 3) {
      const deictic = i % 2 === 0;
      text = deictic
        ? isChat ? 'this is a total waste of money' : 'honestly it stopped working after a week'
        : isChat ? `the ${named.alias} broke after two days, do not buy it` : `the ${named.alias} gave me a rash`;
      expected.set(id, [deictic ? onAir.id : named.id]);
    } else if (isChat) {
      text = (i % 2 ? neutralChat : positiveChat)[i % (i % 2 ? neutralChat.length : positiveChat.length)]!;
    } else {
      text = (i % 2 ? neutralHost : positiveHost)[i % (i % 2 ? neutralHost.length : positiveHost.length)]!;
    }
    events.push(
      isChat
        ? { type: 'chat', id, ts: new Date(startedAtMs + at * 1000).toISOString(), user: `viewer${i % 17}`, text }
        : { type: 'transcript', id, start: at, end: at + 1.5, text, speaker: 'host', final: true },
    );
  }
  return { events, expected };
}
