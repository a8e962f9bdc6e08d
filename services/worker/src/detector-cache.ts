import { createDetector, DEFAULT_RULES, type Detector } from '@anchorwatch/engine';
import { getSessionCatalog, getSessionRules, getSessionRulesVersion, type Queryable } from '@anchorwatch/store';

/** A session's detector, the product ids it may attribute to, and the rules version it was built with. */
export interface SessionDetector {
  detector: Detector;
  productIds: ReadonlySet<string>;
  rulesVersion: number;
}

/**
 * Builds each session's detector from its contract's catalogue and rules (plus DEFAULT_RULES) and reuses it.
 * Catalogue changes reach live sessions within `ttlMs`; rule changes on the next batch, since every call first
 * reads the contract's rules version (one indexed row) and rebuilds when it moved.
 */
export class DetectorCache {
  private readonly entries = new Map<string, { value: SessionDetector; expiresAt: number }>();

  constructor(private readonly ttlMs: number) {}

  /** The detector for a session, built from the database when missing, stale, or its rules changed. */
  async forSession(db: Queryable, sessionId: string): Promise<SessionDetector> {
    const now = performance.now();
    const cached = this.entries.get(sessionId);
    if (cached && cached.expiresAt > now && (await getSessionRulesVersion(db, sessionId)) === cached.value.rulesVersion) {
      return cached.value;
    }
    const catalog = await getSessionCatalog(db, sessionId);
    const { version, rules } = await getSessionRules(db, sessionId);
    const value = {
      detector: createDetector(catalog, { rules: [...DEFAULT_RULES, ...rules] }),
      productIds: new Set(catalog.products.map((p) => p.id)),
      rulesVersion: version,
    };
    this.entries.set(sessionId, { value, expiresAt: now + this.ttlMs });
    this.evictExpired(now);
    return value;
  }

  private evictExpired(now: number): void {
    if (this.entries.size < 1000) return;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
