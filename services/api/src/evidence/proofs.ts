import { inclusionPath } from '@anchorwatch/evidence';
import type { InclusionProof } from '@anchorwatch/schemas';
import type { SessionRoot } from '@anchorwatch/store';

/** A clip's inclusion proof in its session's sealed root, or null when the session is not sealed or lacks it. */
export function proofFor(clipId: string, root: SessionRoot | undefined, hashOf: ReadonlyMap<string, string>): InclusionProof | null {
  if (!root) return null;
  const index = root.clipIds.indexOf(clipId);
  if (index < 0) return null;
  const leaves = root.clipIds.map((id) => hashOf.get(id));
  if (leaves.some((h) => h === undefined)) return null;
  return {
    sessionId: root.sessionId,
    root: root.root,
    leafIndex: index,
    leafCount: leaves.length,
    path: inclusionPath(leaves as string[], index),
  };
}
