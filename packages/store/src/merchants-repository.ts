import type { ApiKey, Role } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';
import { generateSecret, hashSecret, secretPrefix } from './secrets.ts';

export interface Merchant {
  id: string;
  name: string;
}

/** Who is calling: the merchant a key belongs to and the key's role. */
export interface Principal {
  merchantId: string;
  keyId: string;
  role: Role;
}

interface KeyRow {
  id: string;
  role: Role;
  name: string;
  prefix: string;
  created_at: Date;
}

const toApiKey = (r: KeyRow): ApiKey => ({
  id: r.id,
  role: r.role,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at.toISOString(),
});

/** Creates a merchant (tenant). */
export async function createMerchant(db: Queryable, name: string): Promise<Merchant> {
  const { rows } = await db.query<Merchant>('INSERT INTO merchants (name) VALUES ($1) RETURNING id, name', [name]);
  return rows[0]!;
}

/** Creates an API key for a merchant; the clear key is returned once and only its hash is stored. */
export async function createApiKey(
  db: Queryable,
  merchantId: string,
  input: { role: Role; name: string },
): Promise<ApiKey & { key: string }> {
  const key = generateSecret(`aw_${input.role}`);
  const { rows } = await db.query<KeyRow>(
    `INSERT INTO api_keys (merchant_id, role, name, prefix, key_hash) VALUES ($1, $2, $3, $4, $5)
     RETURNING id, role, name, prefix, created_at`,
    [merchantId, input.role, input.name, secretPrefix(key), hashSecret(key)],
  );
  return { ...toApiKey(rows[0]!), key };
}

/** Lists a merchant's live (unrevoked) keys, without secrets. */
export async function listApiKeys(db: Queryable, merchantId: string): Promise<ApiKey[]> {
  const { rows } = await db.query<KeyRow>(
    `SELECT id, role, name, prefix, created_at FROM api_keys
     WHERE merchant_id = $1 AND revoked_at IS NULL ORDER BY created_at`,
    [merchantId],
  );
  return rows.map(toApiKey);
}

/** Revokes one of a merchant's keys. */
export async function revokeApiKey(db: Queryable, merchantId: string, keyId: string): Promise<void> {
  const { rowCount } = await db.query(
    'UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND merchant_id = $2 AND revoked_at IS NULL',
    [keyId, merchantId],
  );
  if (!rowCount) throw new NotFoundError('key');
}

/** Resolves a bearer key to its principal, or null when it is unknown or revoked. */
export async function findPrincipalByKey(db: Queryable, key: string): Promise<Principal | null> {
  const { rows } = await db.query<{ id: string; merchant_id: string; role: Role }>(
    'SELECT id, merchant_id, role FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
    [hashSecret(key)],
  );
  const row = rows[0];
  return row ? { merchantId: row.merchant_id, keyId: row.id, role: row.role } : null;
}
