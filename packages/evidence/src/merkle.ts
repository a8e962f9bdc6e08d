import { createHash } from 'node:crypto';
import type { ProofStep } from '@anchorwatch/schemas';

// RFC 6962 (Certificate Transparency) Merkle tree hash: leaves and nodes are hashed with distinct prefixes, so
// a leaf can never pass for an inner node, and an odd tree splits at the largest power of two below its size.
const hashLeaf = (leaf: Buffer): Buffer => createHash('sha256').update(Buffer.from([0])).update(leaf).digest();
const hashNode = (l: Buffer, r: Buffer): Buffer => createHash('sha256').update(Buffer.from([1])).update(l).update(r).digest();
const splitPoint = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

function treeHash(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return hashLeaf(leaves[0]!);
  const k = splitPoint(leaves.length);
  return hashNode(treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)));
}

function auditPath(index: number, leaves: Buffer[]): ProofStep[] {
  if (leaves.length <= 1) return [];
  const k = splitPoint(leaves.length);
  return index < k
    ? [...auditPath(index, leaves.slice(0, k)), { side: 'right', hash: treeHash(leaves.slice(k)).toString('hex') }]
    : [...auditPath(index - k, leaves.slice(k)), { side: 'left', hash: treeHash(leaves.slice(0, k)).toString('hex') }];
}

const toBuffers = (hexLeaves: readonly string[]): Buffer[] => {
  if (hexLeaves.length === 0) throw new RangeError('a Merkle tree needs at least one leaf');
  return hexLeaves.map((h) => Buffer.from(h, 'hex'));
};

/** Merkle root (hex) over clip hashes (hex), in the given order. */
export function merkleRoot(hexLeaves: readonly string[]): string {
  return treeHash(toBuffers(hexLeaves)).toString('hex');
}

/** The inclusion path of leaf `index`: sibling hashes from the leaf up to the root. */
export function inclusionPath(hexLeaves: readonly string[], index: number): ProofStep[] {
  const leaves = toBuffers(hexLeaves);
  if (index < 0 || index >= leaves.length) throw new RangeError('leaf index out of range');
  return auditPath(index, leaves);
}

/** Recomputes the root from one leaf and its path; true when it equals `root`. */
export function verifyInclusion(leafHex: string, path: readonly ProofStep[], root: string): boolean {
  let node = hashLeaf(Buffer.from(leafHex, 'hex'));
  for (const step of path) {
    const sibling = Buffer.from(step.hash, 'hex');
    node = step.side === 'left' ? hashNode(sibling, node) : hashNode(node, sibling);
  }
  return node.toString('hex') === root;
}
