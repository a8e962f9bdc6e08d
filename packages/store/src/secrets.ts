import { createHash, randomBytes } from 'node:crypto';

/** A new secret with a readable prefix (`aw_admin_…`, `awi_…`) and 256 bits of entropy. */
export function generateSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 of a secret: what is stored and looked up. High-entropy secrets need no slow hash. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** The first characters of a key, kept in clear so people can tell their keys apart. */
export function secretPrefix(secret: string): string {
  return secret.slice(0, secret.lastIndexOf('_') + 5);
}
