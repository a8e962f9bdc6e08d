import type { Catalog, Contract, CreateContractBody } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';
import { ConflictError, NotFoundError } from './errors.ts';

interface ContractRow {
  id: string;
  creator: string;
  product_ids: string[];
  starts_at: Date | null;
  ends_at: Date | null;
  created_at: Date;
  evidence_pre_roll_seconds: number | null;
  evidence_post_roll_seconds: number | null;
}

const selectContracts = `
  SELECT c.id, c.creator, c.starts_at, c.ends_at, c.created_at, c.evidence_pre_roll_seconds, c.evidence_post_roll_seconds,
         coalesce(array_agg(cp.product_id ORDER BY cp.product_id) FILTER (WHERE cp.product_id IS NOT NULL), '{}') AS product_ids
  FROM contracts c LEFT JOIN contract_products cp ON cp.contract_id = c.id`;

const toContract = (r: ContractRow): Contract => ({
  id: r.id,
  creator: r.creator,
  productIds: r.product_ids,
  startsAt: r.starts_at?.toISOString() ?? null,
  endsAt: r.ends_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
  evidencePreRollSeconds: r.evidence_pre_roll_seconds,
  evidencePostRollSeconds: r.evidence_post_roll_seconds,
});

/** Creates a contract between the merchant and a host over some of the merchant's products. */
export async function createContract(db: Queryable, merchantId: string, input: CreateContractBody): Promise<Contract> {
  const productIds = [...new Set(input.productIds)];
  const owned = await db.query('SELECT id FROM products WHERE merchant_id = $1 AND id = ANY($2::uuid[])', [
    merchantId,
    productIds,
  ]);
  if (owned.rowCount !== productIds.length) throw new ConflictError('every productId must name one of your products');
  const { rows } = await db.query<{ id: string }>(
    `WITH c AS (
       INSERT INTO contracts (merchant_id, creator, starts_at, ends_at, evidence_pre_roll_seconds, evidence_post_roll_seconds)
       VALUES ($1, $2, $3, $4, $6, $7) RETURNING id
     ), p AS (
       INSERT INTO contract_products (contract_id, product_id) SELECT c.id, unnest($5::uuid[]) FROM c
     ) SELECT id FROM c`,
    [
      merchantId,
      input.creator,
      input.startsAt ?? null,
      input.endsAt ?? null,
      productIds,
      input.evidencePreRollSeconds ?? null,
      input.evidencePostRollSeconds ?? null,
    ],
  );
  return getContract(db, merchantId, rows[0]!.id);
}

/** One of the merchant's contracts. */
export async function getContract(db: Queryable, merchantId: string, id: string): Promise<Contract> {
  const { rows } = await db.query<ContractRow>(`${selectContracts} WHERE c.merchant_id = $1 AND c.id = $2 GROUP BY c.id`, [
    merchantId,
    id,
  ]);
  if (!rows[0]) throw new NotFoundError('contract');
  return toContract(rows[0]);
}

/** Lists the merchant's contracts, oldest first. */
export async function listContracts(db: Queryable, merchantId: string): Promise<Contract[]> {
  const { rows } = await db.query<ContractRow>(
    `${selectContracts} WHERE c.merchant_id = $1 GROUP BY c.id ORDER BY c.created_at, c.id`,
    [merchantId],
  );
  return rows.map(toContract);
}

/** The detector's catalogue for a session: the products of its contract. */
export async function getSessionCatalog(db: Queryable, sessionId: string): Promise<Catalog> {
  const { rows } = await db.query<{ id: string; name: string; brand: string | null; sku: string | null; aliases: string[]; notMentions: string[] }>(
    `SELECT p.id, p.name, p.brand, p.sku, p.aliases, p.not_mentions AS "notMentions"
     FROM sessions s JOIN contract_products cp ON cp.contract_id = s.contract_id JOIN products p ON p.id = cp.product_id
     WHERE s.id = $1 ORDER BY p.id`,
    [sessionId],
  );
  return { products: rows };
}
