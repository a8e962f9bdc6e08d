import { createDetector, detectStream, type Detector } from '@anchorwatch/engine';
import type { Catalog } from '@anchorwatch/schemas';
import { eachLine } from './each-line.ts';
import { compileNameFinder } from './peers/naive-attribution.ts';
import type { LineScorer } from './peers/line-scorers.ts';
import { pairKey, type EvalStream } from './stream.ts';

/** Something that turns a stream into the negative (event, product) pairs it reports. */
export interface System {
  name: string;
  run(stream: EvalStream): Set<string>;
}

/** A detector built per catalogue and replayed exactly as the worker and CLI do (`detectStream`). */
export function detectorSystem(name: string, make: (catalog: Catalog) => Detector): System {
  return {
    name,
    run(stream) {
      const findings = detectStream(make(stream.catalog), stream.events, { startedAtMs: stream.startedAtMs });
      return new Set(findings.map((f) => pairKey(f.eventId, f.productId)));
    },
  };
}

/** The Anchorwatch engine. */
export const engineSystem = detectorSystem('anchorwatch', (catalog) => createDetector(catalog));

/** A peer scores each whole line; a negative line goes to the products it names, else to the product on air. */
export function peerSystem(scorer: LineScorer): System {
  return {
    name: scorer.name,
    run(stream) {
      const names = compileNameFinder(stream.catalog);
      const pairs = new Set<string>();
      eachLine(stream, (event, onAir) => {
        if (!scorer.isNegative(event.text)) return;
        const named = names(event.text);
        for (const id of named.length > 0 ? named : onAir ? [onAir] : []) pairs.add(pairKey(event.id, id));
      });
      return pairs;
    },
  };
}
