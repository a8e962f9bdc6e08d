import { describe, expect, it } from 'vitest';
import { sha256Hex } from './canonical.ts';
import { inclusionPath, merkleRoot, verifyInclusion } from './merkle.ts';

const leaves = (n: number): string[] => Array.from({ length: n }, (_, i) => sha256Hex(`clip ${i}`));

describe('Merkle tree (RFC 6962)', () => {
  it('proves every leaf of trees of 1 to 9 leaves, and no leaf at a wrong position or under a wrong root', () => {
    for (let n = 1; n <= 9; n += 1) {
      const hs = leaves(n);
      const root = merkleRoot(hs);
      for (let i = 0; i < n; i += 1) {
        const path = inclusionPath(hs, i);
        expect(verifyInclusion(hs[i]!, path, root)).toBe(true);
        expect(verifyInclusion(sha256Hex('forged'), path, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(hs[(i + 1) % n]!, path, root)).toBe(false);
      }
      expect(verifyInclusion(hs[0]!, inclusionPath(hs, 0), merkleRoot(leaves(n + 1)))).toBe(false);
    }
  });

  it('matches the RFC 6962 construction for two leaves and separates leaves from nodes', () => {
    const [a, b] = leaves(2) as [string, string];
    const leaf = (h: string) => Buffer.concat([Buffer.from([0]), Buffer.from(h, 'hex')]);
    const expected = sha256Hex(
      Buffer.concat([Buffer.from([1]), Buffer.from(sha256Hex(leaf(a)), 'hex'), Buffer.from(sha256Hex(leaf(b)), 'hex')]),
    );
    expect(merkleRoot([a, b])).toBe(expected);
    expect(merkleRoot([a])).not.toBe(a);
  });

  it('refuses an empty tree', () => {
    expect(() => merkleRoot([])).toThrow(RangeError);
  });
});
