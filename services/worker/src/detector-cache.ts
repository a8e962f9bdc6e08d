import { createHash } from 'node:crypto';
import { createDetector, DEFAULT_RULES, type Detector } from '@anchorwatch/engine';
import { getSessionCatalog, getSessionRules, getSessionRulesVersion, type Queryable } from '@anchorwatch/store';

/** A session's detector, the product ids it may attribute to, and the rules version it was built with. */
export interface SessionDetector {
  detector: Detector;
  productIds: ReadonlySet<string>;
  rulesVersion: number;
}

interface Entry {
  value: SessionDetector;
  fingerprint: string;
  checkedAt: number;
}

/**
 * Builds each session's detector from its contract's catalogue and rules (plus DEFAULT_RULES) and reuses it.
 * Rule changes apply on the next batch: every call reads the contract's rules version (one indexed row). The
 * catalogue is re-read every `ttlMs`, but the detector is rebuilt only when catalogue or rules actually changed
 * (compiling a 10,000-product catalogue takes seconds), and sessions of one contract share one detector.
 */
export class DetectorCache {
  private readonly sessions = new Map<string, Entry>();
  private readonly built = new Map<string, SessionDetector>();

  constructor(private readonly ttlMs: number) {}

  /** The detector for a session, built from the database when missing or changed. */
  async forSession(db: Queryable, sessionId: string): Promise<SessionDetector> {
    const now = performance.now();
    const cached = this.sessions.get(sessionId);
    const rulesVersion = await getSessionRulesVersion(db, sessionId);
    if (cached && now - cached.checkedAt < this.ttlMs && rulesVersion === cached.value.rulesVersion) return cached.value;

    const catalog = await getSessionCatalog(db, sessionId);
    const { version, rules } = await getSessionRules(db, sessionId);
    const fingerprint = createHash('sha256').update(JSON.stringify([catalog, version, rules])).digest('base64');
    const value =
      this.built.get(fingerprint) ??
      ({
        detector: createDetector(catalog, { rules: [...DEFAULT_RULES, ...rules] }),
        productIds: new Set(catalog.products.map((p) => p.id)),
        rulesVersion: version,
      } satisfies SessionDetector);
    this.built.set(fingerprint, value);
    this.sessions.set(sessionId, { value, fingerprint, checkedAt: now });
    if (cached && cached.fingerprint !== fingerprint) this.forgetUnused(cached.fingerprint);
    this.evictStale(now);
    return value;
  }

  private forgetUnused(fingerprint: string): void {
    for (const entry of this.sessions.values()) if (entry.fingerprint === fingerprint) return;
    this.built.delete(fingerprint);
  }

  // Sessions end; their entries go once they have not been used for many TTLs.
  private evictStale(now: number): void {
    if (this.sessions.size < 1000) return;
    for (const [sessionId, entry] of this.sessions) {
      if (now - entry.checkedAt > 10 * this.ttlMs) {
        this.sessions.delete(sessionId);
        this.forgetUnused(entry.fingerprint);
      }
    }
  }
}
