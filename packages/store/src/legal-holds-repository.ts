import type { CreateLegalHoldBody, LegalHold } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';
import { ConflictError, NotFoundError } from './errors.ts';

interface HoldRow {
  id: string;
  contract_id: string | null;
  session_id: string | null;
  reason: string;
  placed_at: Date;
  released_at: Date | null;
}

const columns = 'id, contract_id, session_id, reason, placed_at, released_at';
const toHold = (r: HoldRow): LegalHold => ({
  id: r.id,
  contractId: r.contract_id,
  sessionId: r.session_id,
  reason: r.reason,
  placedAt: r.placed_at.toISOString(),
  releasedAt: r.released_at?.toISOString() ?? null,
});

/** Places a legal hold on one of the merchant's contracts or sessions. */
export async function placeLegalHold(
  db: Queryable,
  merchantId: string,
  keyId: string,
  input: CreateLegalHoldBody,
): Promise<LegalHold> {
  const target = input.contractId
    ? await db.query('SELECT 1 FROM contracts WHERE id = $1 AND merchant_id = $2', [input.contractId, merchantId])
    : await db.query('SELECT 1 FROM sessions WHERE id = $1 AND merchant_id = $2', [input.sessionId, merchantId]);
  if (!target.rowCount) throw new NotFoundError(input.contractId ? 'contract' : 'session');
  const { rows } = await db.query<HoldRow>(
    `INSERT INTO legal_holds (merchant_id, contract_id, session_id, reason, placed_by) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${columns}`,
    [merchantId, input.contractId ?? null, input.sessionId ?? null, input.reason, keyId],
  );
  return toHold(rows[0]!);
}

/** Releases an active hold; a released hold cannot be released again. */
export async function releaseLegalHold(db: Queryable, merchantId: string, keyId: string, id: string): Promise<LegalHold> {
  const { rows } = await db.query<HoldRow>(
    `UPDATE legal_holds SET released_at = now(), released_by = $3
     WHERE id = $1 AND merchant_id = $2 AND released_at IS NULL RETURNING ${columns}`,
    [id, merchantId, keyId],
  );
  if (rows[0]) return toHold(rows[0]);
  const exists = await db.query('SELECT 1 FROM legal_holds WHERE id = $1 AND merchant_id = $2', [id, merchantId]);
  if (exists.rowCount) throw new ConflictError('this legal hold was already released');
  throw new NotFoundError('legal hold');
}

/** The merchant's legal holds, newest first. */
export async function listLegalHolds(db: Queryable, merchantId: string): Promise<LegalHold[]> {
  const { rows } = await db.query<HoldRow>(
    `SELECT ${columns} FROM legal_holds WHERE merchant_id = $1 ORDER BY placed_at DESC, id`,
    [merchantId],
  );
  return rows.map(toHold);
}
