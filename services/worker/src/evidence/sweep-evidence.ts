import { merkleRoot } from '@anchorwatch/evidence';
import { listUnclippedAlertsOfEndedSessions, sealEndedSessions } from '@anchorwatch/store';
import { finaliseClip, type FinaliseDeps } from './finalise-clip.ts';

/** Most alerts finalised early, and sessions sealed, per sweep (the next sweep picks up the rest). */
const SWEEP_BATCH = 200;

/**
 * The periodic sweep: once a session has ended (and its grace passed) nothing more can join a clip window, so its
 * pending clips are finalised now instead of after their post-roll; then each ended session whose alerts all
 * have clips gets its Merkle root recorded.
 */
export async function sweepEvidence(deps: FinaliseDeps): Promise<{ finalised: number; sealed: number }> {
  const grace = deps.config.EVIDENCE_SESSION_END_GRACE_MS;
  const pending = await listUnclippedAlertsOfEndedSessions(deps.pool, grace, SWEEP_BATCH);
  let finalised = 0;
  for (const alert of pending) {
    const result = await finaliseClip(deps, alert, { early: true });
    if (result.outcome === 'created') finalised += 1;
  }
  const sealed = await sealEndedSessions(deps.pool, grace, SWEEP_BATCH, merkleRoot);
  return { finalised, sealed: sealed.length };
}
