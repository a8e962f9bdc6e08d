import type { AuditEntry, AuditQuery } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';

/** One access to evidence: who (key and role), what (action and target), from where. */
export interface AuditRecord {
  merchantId: string;
  keyId: string;
  role: string;
  action: string;
  target: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

/** Appends an entry to the audit log (the table refuses any change or deletion). */
export async function appendAudit(db: Queryable, entry: AuditRecord): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (merchant_id, key_id, role, action, target, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [entry.merchantId, entry.keyId, entry.role, entry.action, JSON.stringify(entry.target), entry.ip, entry.userAgent],
  );
}

/** The merchant's audit log, newest first; `before` pages by id. */
export async function listAudit(db: Queryable, merchantId: string, query: AuditQuery): Promise<AuditEntry[]> {
  const { rows } = await db.query<{
    id: string;
    at: Date;
    key_id: string;
    role: string;
    action: string;
    target: Record<string, unknown>;
    ip: string | null;
    user_agent: string | null;
  }>(
    `SELECT id::text, at, key_id, role, action, target, ip, user_agent FROM audit_log
     WHERE merchant_id = $1 AND ($2::text IS NULL OR action = $2) AND ($3::bigint IS NULL OR id < $3)
     ORDER BY id DESC LIMIT $4`,
    [merchantId, query.action ?? null, query.before ?? null, query.limit],
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    keyId: r.key_id,
    role: r.role,
    action: r.action,
    target: r.target,
    ip: r.ip,
    userAgent: r.user_agent,
  }));
}
