import type { Config } from '@anchorwatch/runtime';
import { purgeUnreferencedEvents, type Queryable } from '@anchorwatch/store';

/** Deletes every raw event past retention that no alert, clip or legal hold keeps, in batches. */
export async function purgeExpiredEvents(db: Queryable, config: Config, now = new Date()): Promise<number> {
  const olderThan = new Date(now.getTime() - config.EVIDENCE_RETENTION_DAYS * 24 * 3600 * 1000);
  let total = 0;
  for (;;) {
    const n = await purgeUnreferencedEvents(db, olderThan, config.EVIDENCE_PURGE_BATCH_SIZE);
    total += n;
    if (n < config.EVIDENCE_PURGE_BATCH_SIZE) return total;
  }
}
