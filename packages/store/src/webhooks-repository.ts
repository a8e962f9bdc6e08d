import type { CreateWebhookBody, MuteWindow, Severity, UpdateWebhookBody, Webhook, WebhookFormat } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';
import { ConflictError, NotFoundError } from './errors.ts';

interface WebhookRow {
  id: string;
  url: string;
  format: WebhookFormat;
  min_severity: Severity;
  product_ids: string[];
  session_ids: string[];
  mute_windows: MuteWindow[];
  description: string | null;
  disabled_at: Date | null;
  disabled_reason: string | null;
  previous_secret_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const columns = `id, url, format, min_severity, product_ids, session_ids, mute_windows, description, disabled_at,
  disabled_reason, previous_secret_expires_at, created_at, updated_at`;

const toWebhook = (r: WebhookRow): Webhook => ({
  id: r.id,
  url: r.url,
  format: r.format,
  minSeverity: r.min_severity,
  productIds: r.product_ids,
  sessionIds: r.session_ids,
  muteWindows: r.mute_windows,
  description: r.description,
  disabledAt: r.disabled_at?.toISOString() ?? null,
  disabledReason: r.disabled_reason,
  previousSecretExpiresAt: r.previous_secret_expires_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** Refuses product and session filters naming rows of another merchant (or none). */
async function checkFilterOwnership(db: Queryable, merchantId: string, productIds?: string[], sessionIds?: string[]): Promise<void> {
  for (const [table, ids] of [['products', productIds], ['sessions', sessionIds]] as const) {
    const unique = [...new Set(ids ?? [])];
    if (unique.length === 0) continue;
    const owned = await db.query(`SELECT id FROM ${table} WHERE merchant_id = $1 AND id = ANY($2::uuid[])`, [merchantId, unique]);
    if (owned.rowCount !== unique.length) throw new ConflictError(`every id in ${table === 'products' ? 'productIds' : 'sessionIds'} must name one of your ${table}`);
  }
}

/** Live (not deleted) webhooks of a merchant. */
export async function countWebhooks(db: Queryable, merchantId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM webhooks WHERE merchant_id = $1 AND deleted_at IS NULL', [merchantId]);
  return rows[0]!.n;
}

/** Creates an endpoint; `secretSealed` is the encrypted signing secret. */
export async function createWebhook(
  db: Queryable,
  merchantId: string,
  input: CreateWebhookBody,
  secretSealed: string,
): Promise<Webhook> {
  await checkFilterOwnership(db, merchantId, input.productIds, input.sessionIds);
  const { rows } = await db.query<WebhookRow>(
    `INSERT INTO webhooks (merchant_id, url, format, min_severity, product_ids, session_ids, mute_windows, description, secret_sealed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${columns}`,
    [merchantId, input.url, input.format, input.minSeverity, [...new Set(input.productIds)], [...new Set(input.sessionIds)],
      JSON.stringify(input.muteWindows), input.description ?? null, secretSealed],
  );
  return toWebhook(rows[0]!);
}

/** A merchant's live webhooks, oldest first. */
export async function listWebhooks(db: Queryable, merchantId: string): Promise<Webhook[]> {
  const { rows } = await db.query<WebhookRow>(
    `SELECT ${columns} FROM webhooks WHERE merchant_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
    [merchantId],
  );
  return rows.map(toWebhook);
}

/** One of the merchant's live webhooks. */
export async function getWebhook(db: Queryable, merchantId: string, id: string): Promise<Webhook> {
  const { rows } = await db.query<WebhookRow>(
    `SELECT ${columns} FROM webhooks WHERE merchant_id = $1 AND id = $2 AND deleted_at IS NULL`,
    [merchantId, id],
  );
  if (!rows[0]) throw new NotFoundError('webhook');
  return toWebhook(rows[0]);
}

/** Changes the given fields; `enabled: true` clears a disable (and its reason), `false` pauses the endpoint. */
export async function updateWebhook(db: Queryable, merchantId: string, id: string, patch: UpdateWebhookBody): Promise<Webhook> {
  await checkFilterOwnership(db, merchantId, patch.productIds, patch.sessionIds);
  const { rows } = await db.query<WebhookRow>(
    `UPDATE webhooks SET
       url = coalesce($3, url), format = coalesce($4, format), min_severity = coalesce($5, min_severity),
       product_ids = coalesce($6, product_ids), session_ids = coalesce($7, session_ids),
       mute_windows = coalesce($8::jsonb, mute_windows),
       description = CASE WHEN $9::boolean THEN $10 ELSE description END,
       disabled_at = CASE WHEN $11::boolean IS NULL THEN disabled_at WHEN $11 THEN NULL ELSE coalesce(disabled_at, now()) END,
       disabled_reason = CASE WHEN $11::boolean IS NULL THEN disabled_reason WHEN $11 THEN NULL
                              ELSE coalesce(disabled_reason, 'paused by an operator') END,
       updated_at = now()
     WHERE merchant_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING ${columns}`,
    [
      merchantId,
      id,
      patch.url ?? null,
      patch.format ?? null,
      patch.minSeverity ?? null,
      patch.productIds ? [...new Set(patch.productIds)] : null,
      patch.sessionIds ? [...new Set(patch.sessionIds)] : null,
      patch.muteWindows ? JSON.stringify(patch.muteWindows) : null,
      patch.description !== undefined,
      patch.description ?? null,
      patch.enabled ?? null,
    ],
  );
  if (!rows[0]) throw new NotFoundError('webhook');
  return toWebhook(rows[0]);
}

/** Deletes an endpoint (kept as a tombstone so its delivery log stays readable in the database); queued deliveries are dropped. */
export async function deleteWebhook(db: Queryable, merchantId: string, id: string): Promise<void> {
  const { rowCount } = await db.query(
    'UPDATE webhooks SET deleted_at = now(), updated_at = now() WHERE merchant_id = $1 AND id = $2 AND deleted_at IS NULL',
    [merchantId, id],
  );
  if (!rowCount) throw new NotFoundError('webhook');
}

/** Replaces the signing secret; the current one keeps signing (as the second signature) for `overlapMs`. */
export async function rotateWebhookSecret(
  db: Queryable,
  merchantId: string,
  id: string,
  secretSealed: string,
  overlapMs: number,
): Promise<{ previousSecretExpiresAt: string }> {
  const { rows } = await db.query<{ previous_secret_expires_at: Date }>(
    `UPDATE webhooks SET previous_secret_sealed = secret_sealed, secret_sealed = $3,
       previous_secret_expires_at = now() + make_interval(secs => $4::float8 / 1000), updated_at = now()
     WHERE merchant_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING previous_secret_expires_at`,
    [merchantId, id, secretSealed, overlapMs],
  );
  if (!rows[0]) throw new NotFoundError('webhook');
  return { previousSecretExpiresAt: rows[0].previous_secret_expires_at.toISOString() };
}

/** The enabled webhooks of a merchant with their filters: what the alert sink matches alerts against. */
export async function listEnabledWebhooks(db: Queryable, merchantId: string): Promise<Webhook[]> {
  const { rows } = await db.query<WebhookRow>(
    `SELECT ${columns} FROM webhooks WHERE merchant_id = $1 AND deleted_at IS NULL AND disabled_at IS NULL`,
    [merchantId],
  );
  return rows.map(toWebhook);
}

/** What the sender needs of an endpoint: where, how, the sealed secrets that sign now, and whether it may be called. */
export interface WebhookTarget {
  id: string;
  merchantId: string;
  url: string;
  format: WebhookFormat;
  sealedSecrets: string[];
  disabled: boolean;
  deleted: boolean;
}

/** Loads an endpoint for sending (any merchant: the worker acts on the merchant stored with the delivery). */
export async function getWebhookTarget(db: Queryable, id: string): Promise<WebhookTarget | null> {
  const { rows } = await db.query<{
    id: string; merchant_id: string; url: string; format: WebhookFormat; secret_sealed: string;
    previous_secret_sealed: string | null; previous_live: boolean; disabled_at: Date | null; deleted_at: Date | null;
  }>(
    `SELECT id, merchant_id, url, format, secret_sealed, previous_secret_sealed,
            coalesce(previous_secret_expires_at > now(), false) AS previous_live, disabled_at, deleted_at
     FROM webhooks WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    merchantId: r.merchant_id,
    url: r.url,
    format: r.format,
    sealedSecrets: r.previous_live && r.previous_secret_sealed ? [r.secret_sealed, r.previous_secret_sealed] : [r.secret_sealed],
    disabled: r.disabled_at !== null,
    deleted: r.deleted_at !== null,
  };
}

/** Disables an endpoint that failed for the whole retry schedule; an earlier disable (and its reason) is kept. */
export async function disableWebhook(db: Queryable, id: string, reason: string): Promise<void> {
  await db.query(
    `UPDATE webhooks SET disabled_at = now(), disabled_reason = $2, updated_at = now() WHERE id = $1 AND disabled_at IS NULL`,
    [id, reason],
  );
}
