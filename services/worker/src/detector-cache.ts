import { createDetector, type Detector } from '@anchorwatch/engine';
import { getSessionCatalog, type Queryable } from '@anchorwatch/store';

/** A session's detector and the product ids it may attribute to. */
export interface SessionDetector {
  detector: Detector;
  productIds: ReadonlySet<string>;
}

/**
 * Builds each session's detector from its contract's catalogue once and reuses it for `ttlMs`, so catalogue
 * changes reach live sessions within that time without a restart.
 */
export class DetectorCache {
  private readonly entries = new Map<string, { value: SessionDetector; expiresAt: number }>();

  constructor(private readonly ttlMs: number) {}

  /** The detector for a session, built from the database when missing or stale. */
  async forSession(db: Queryable, sessionId: string): Promise<SessionDetector> {
    const now = performance.now();
    const cached = this.entries.get(sessionId);
    if (cached && cached.expiresAt > now) return cached.value;
    const catalog = await getSessionCatalog(db, sessionId);
    const value = { detector: createDetector(catalog), productIds: new Set(catalog.products.map((p) => p.id)) };
    this.entries.set(sessionId, { value, expiresAt: now + this.ttlMs });
    this.evictExpired(now);
    return value;
  }

  private evictExpired(now: number): void {
    if (this.entries.size < 1000) return;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
