import type { ClipDocument, ClipEvent, EvidenceQuery, EvidenceSummary } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';

/** What finalising an alert's clip reads about the alert, its line, session, contract and product. */
export interface ClipSourceRow {
  alert: ClipDocument['alert'] & { status: string; merchantId: string };
  trigger: ClipEvent;
  session: Omit<ClipDocument['session'], 'mediaFragmentUrl' | 'startedAt' | 'clock'> & {
    startedAt: string | null;
    clock: 'client' | 'first_event' | null;
    status: 'live' | 'ended';
  };
  contract: ClipDocument['contract'] & { preRollSeconds: number | null; postRollSeconds: number | null };
  product: ClipDocument['product'];
}

interface EventRow {
  event_id: string;
  type: ClipEvent['type'];
  offset_start: number;
  offset_end: number;
  occurred_at: Date;
  received_at: Date;
  speaker: string | null;
  text: string | null;
  product_ref: string | null;
}

const toClipEvent = (r: EventRow): ClipEvent => ({
  eventId: r.event_id,
  type: r.type,
  offsetStart: r.offset_start,
  offsetEnd: r.offset_end,
  occurredAt: r.occurred_at.toISOString(),
  receivedAt: r.received_at.toISOString(),
  speaker: r.speaker,
  text: r.text,
  productRef: r.product_ref,
});

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** Everything an alert's clip is made of, or null when the alert does not exist. */
export async function loadClipSource(db: Queryable, merchantId: string, alertId: string): Promise<ClipSourceRow | null> {
  const { rows } = await db.query(
    `SELECT a.id, a.merchant_id, a.kind, a.rule, a.severity, a.score, a.explanation, a.detector_version, a.created_at,
            a.status,
            e.event_id, e.type, e.offset_start, e.offset_end, e.occurred_at, e.received_at, e.speaker, e.text, e.product_ref,
            s.id AS session_id, s.platform, s.title, s.media_url, s.started_at, s.started_at_source, s.status AS session_status,
            c.id AS contract_id, c.creator, c.starts_at, c.ends_at, c.evidence_pre_roll_seconds, c.evidence_post_roll_seconds,
            p.id AS product_id, p.name AS product_name, p.brand, p.sku
     FROM alerts a
     JOIN events e ON e.session_id = a.session_id AND e.event_id = a.event_id
     JOIN sessions s ON s.id = a.session_id
     JOIN contracts c ON c.id = s.contract_id
     JOIN products p ON p.id = a.product_id
     WHERE a.id = $1 AND a.merchant_id = $2`,
    [alertId, merchantId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    alert: {
      id: r.id,
      merchantId: r.merchant_id,
      kind: r.kind,
      rule: r.rule,
      severity: r.severity,
      score: r.score,
      explanation: r.explanation,
      detectorVersion: r.detector_version,
      raisedAt: r.created_at.toISOString(),
      status: r.status,
    },
    trigger: toClipEvent(r as EventRow),
    session: {
      id: r.session_id,
      platform: r.platform,
      host: r.creator,
      title: r.title,
      mediaUrl: r.media_url,
      startedAt: iso(r.started_at),
      clock: r.started_at_source,
      status: r.session_status,
    },
    contract: {
      id: r.contract_id,
      creator: r.creator,
      startsAt: iso(r.starts_at),
      endsAt: iso(r.ends_at),
      preRollSeconds: r.evidence_pre_roll_seconds,
      postRollSeconds: r.evidence_post_roll_seconds,
    },
    product: { id: r.product_id, name: r.product_name, brand: r.brand, sku: r.sku },
  };
}

/** A session's stored events whose offset lies in [from, to] (both inclusive), in stream order. */
export async function listEventsInWindow(db: Queryable, sessionId: string, from: number, to: number): Promise<ClipEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT event_id, type, offset_start, offset_end, occurred_at, received_at, speaker, text, product_ref FROM events
     WHERE session_id = $1 AND offset_start >= $2 AND offset_start <= $3 ORDER BY offset_start, received_at, event_id`,
    [sessionId, from, to],
  );
  return rows.map(toClipEvent);
}

/**
 * Takes the merchant's chain lock for this transaction and returns the chain's head (null: no clip yet). Clips of
 * one merchant are therefore appended one at a time, whichever worker finalises them.
 */
export async function lockChainHead(tx: Queryable, merchantId: string): Promise<{ seq: number; hash: string } | null> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('anchorwatch:evidence-chain:' || $1, 0))`, [merchantId]);
  const { rows } = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM evidence_clips WHERE merchant_id = $1 ORDER BY seq DESC LIMIT 1',
    [merchantId],
  );
  return rows[0] ?? null;
}

/** The clip id of an alert, when its clip exists. */
export async function findClipIdByAlert(db: Queryable, alertId: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM evidence_clips WHERE alert_id = $1', [alertId]);
  return rows[0]?.id ?? null;
}

/** Appends a finalised clip (the table refuses any later change). */
export async function insertClip(tx: Queryable, doc: ClipDocument, canonical: string, hash: string): Promise<void> {
  await tx.query(
    `INSERT INTO evidence_clips (id, merchant_id, alert_id, session_id, contract_id, product_id, seq, hash, prev_hash,
                                 canonical, quote, occurred_at, window_start, window_end, finalised_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      doc.clipId,
      doc.merchantId,
      doc.alert.id,
      doc.session.id,
      doc.contract.id,
      doc.product.id,
      doc.chain.seq,
      hash,
      doc.chain.prevHash,
      canonical,
      doc.trigger.text ?? '',
      doc.trigger.occurredAt,
      doc.window.startOffset,
      doc.window.endOffset,
      doc.finalisedAt,
    ],
  );
}

interface ClipRow {
  id: string;
  alert_id: string;
  session_id: string;
  contract_id: string;
  product_id: string;
  seq: number;
  hash: string;
  prev_hash: string | null;
  quote: string;
  occurred_at: Date;
  finalised_at: Date;
  canonical: string;
}

const summaryColumns =
  'id, alert_id, session_id, contract_id, product_id, seq, hash, prev_hash, quote, occurred_at, finalised_at';

const toSummary = (r: ClipRow): EvidenceSummary => ({
  id: r.id,
  alertId: r.alert_id,
  sessionId: r.session_id,
  contractId: r.contract_id,
  productId: r.product_id,
  seq: r.seq,
  hash: r.hash,
  prevHash: r.prev_hash,
  quote: r.quote,
  occurredAt: r.occurred_at.toISOString(),
  finalisedAt: r.finalised_at.toISOString(),
});

/** A stored clip with its canonical text. */
export type StoredClipRow = EvidenceSummary & { canonical: string };

const filterSql = `merchant_id = $1
  AND ($2::uuid IS NULL OR contract_id = $2) AND ($3::uuid IS NULL OR session_id = $3)
  AND ($4::uuid IS NULL OR product_id = $4) AND ($5::uuid IS NULL OR alert_id = $5)
  AND ($6::timestamptz IS NULL OR occurred_at >= $6) AND ($7::timestamptz IS NULL OR occurred_at <= $7)`;
const filterArgs = (merchantId: string, q: Omit<EvidenceQuery, 'limit'>): unknown[] => [
  merchantId,
  q.contractId ?? null,
  q.sessionId ?? null,
  q.productId ?? null,
  q.alertId ?? null,
  q.from ?? null,
  q.to ?? null,
];

/** The merchant's clips matching the filters, in chain order; `limit` rows at most. */
export async function listClips(db: Queryable, merchantId: string, query: EvidenceQuery): Promise<EvidenceSummary[]> {
  const { rows } = await db.query<ClipRow>(
    `SELECT ${summaryColumns} FROM evidence_clips WHERE ${filterSql} ORDER BY seq LIMIT $8`,
    [...filterArgs(merchantId, query), query.limit],
  );
  return rows.map(toSummary);
}

/** The merchant's clips matching the filters with their canonical text, in chain order, `max` at most. */
export async function listClipsWithText(
  db: Queryable,
  merchantId: string,
  query: Omit<EvidenceQuery, 'limit'>,
  max: number,
): Promise<StoredClipRow[]> {
  const { rows } = await db.query<ClipRow>(
    `SELECT ${summaryColumns}, canonical FROM evidence_clips WHERE ${filterSql} ORDER BY seq LIMIT $8`,
    [...filterArgs(merchantId, query), max],
  );
  return rows.map((r) => ({ ...toSummary(r), canonical: r.canonical }));
}

/** One of the merchant's clips with its canonical text. */
export async function getClip(db: Queryable, merchantId: string, id: string): Promise<StoredClipRow> {
  const { rows } = await db.query<ClipRow>(
    `SELECT ${summaryColumns}, canonical FROM evidence_clips WHERE merchant_id = $1 AND id = $2`,
    [merchantId, id],
  );
  if (!rows[0]) throw new NotFoundError('evidence clip');
  return { ...toSummary(rows[0]), canonical: rows[0].canonical };
}

/** The merchant's chain links (hashes only) between two positions, inclusive. */
export async function listChainLinks(
  db: Queryable,
  merchantId: string,
  fromSeq: number,
  toSeq: number,
): Promise<{ seq: number; hash: string; prevHash: string | null }[]> {
  const { rows } = await db.query<{ seq: number; hash: string; prev_hash: string | null }>(
    'SELECT seq, hash, prev_hash FROM evidence_clips WHERE merchant_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq',
    [merchantId, fromSeq, toSeq],
  );
  return rows.map((r) => ({ seq: r.seq, hash: r.hash, prevHash: r.prev_hash }));
}

/** Every clip of the merchant, in chain order, with its canonical text (for re-verification). */
export async function listAllClipsForVerify(db: Queryable, merchantId: string): Promise<StoredClipRow[]> {
  return listClipsWithText(db, merchantId, {}, Number.MAX_SAFE_INTEGER);
}

/** A session's sealed Merkle root and its leaves (clip ids in order), or null before the session is sealed. */
export interface SessionRoot {
  sessionId: string;
  root: string;
  clipIds: string[];
  leafHashes: string[];
  sealedAt: string;
}

/** The sealed roots of the given sessions (all of the merchant's when `sessionIds` is null). */
export async function listSessionRoots(
  db: Queryable,
  merchantId: string,
  sessionIds: string[] | null,
): Promise<SessionRoot[]> {
  const { rows } = await db.query<{ session_id: string; root: string; clip_ids: string[]; leaf_hashes: string[]; sealed_at: Date }>(
    `SELECT session_id, root, clip_ids, leaf_hashes, sealed_at FROM evidence_session_roots
     WHERE merchant_id = $1 AND ($2::uuid[] IS NULL OR session_id = ANY($2)) ORDER BY sealed_at, session_id`,
    [merchantId, sessionIds],
  );
  return rows.map((r) => ({
    sessionId: r.session_id,
    root: r.root,
    clipIds: r.clip_ids,
    leafHashes: r.leaf_hashes,
    sealedAt: r.sealed_at.toISOString(),
  }));
}

/**
 * Alerts of sessions that ended at least `graceMs` ago whose clip is still missing: once a session has ended no
 * event can join a window, so these clips can be finalised without waiting for the post-roll.
 */
export async function listUnclippedAlertsOfEndedSessions(
  db: Queryable,
  graceMs: number,
  limit: number,
): Promise<{ merchantId: string; alertId: string }[]> {
  const { rows } = await db.query<{ merchant_id: string; id: string }>(
    `SELECT a.merchant_id, a.id FROM alerts a JOIN sessions s ON s.id = a.session_id
     WHERE s.status = 'ended' AND s.ended_at <= now() - make_interval(secs => $1::float8 / 1000)
       AND a.status <> 'retracted'
       AND NOT EXISTS (SELECT 1 FROM evidence_clips c WHERE c.alert_id = a.id)
       AND NOT EXISTS (SELECT 1 FROM evidence_session_roots r WHERE r.session_id = s.id)
     ORDER BY a.created_at LIMIT $2`,
    [graceMs, limit],
  );
  return rows.map((r) => ({ merchantId: r.merchant_id, alertId: r.id }));
}

/**
 * Seals sessions that ended at least `graceMs` ago and whose every standing alert has its clip: records the Merkle
 * root `rootOf` computes over their clip hashes in chain order. Returns the sessions sealed.
 */
export async function sealEndedSessions(
  db: Queryable,
  graceMs: number,
  limit: number,
  rootOf: (hashes: string[]) => string,
): Promise<string[]> {
  const { rows } = await db.query<{ session_id: string; merchant_id: string; clip_ids: string[]; hashes: string[] }>(
    `SELECT s.id AS session_id, s.merchant_id,
            array_agg(c.id ORDER BY c.seq) AS clip_ids, array_agg(c.hash ORDER BY c.seq) AS hashes
     FROM sessions s JOIN evidence_clips c ON c.session_id = s.id
     WHERE s.status = 'ended' AND s.ended_at <= now() - make_interval(secs => $1::float8 / 1000)
       AND NOT EXISTS (SELECT 1 FROM evidence_session_roots r WHERE r.session_id = s.id)
       AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.session_id = s.id AND a.status <> 'retracted'
                         AND NOT EXISTS (SELECT 1 FROM evidence_clips c2 WHERE c2.alert_id = a.id))
     GROUP BY s.id, s.merchant_id LIMIT $2`,
    [graceMs, limit],
  );
  const sealed: string[] = [];
  for (const r of rows) {
    const { rowCount } = await db.query(
      `INSERT INTO evidence_session_roots (session_id, merchant_id, root, clip_ids, leaf_hashes) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (session_id) DO NOTHING`,
      [r.session_id, r.merchant_id, rootOf(r.hashes), r.clip_ids, r.hashes],
    );
    if (rowCount) sealed.push(r.session_id);
  }
  return sealed;
}

/** The hashes of some of the merchant's clips, by clip id (for Merkle proofs). */
export async function listClipHashes(db: Queryable, merchantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; hash: string }>(
    'SELECT id, hash FROM evidence_clips WHERE merchant_id = $1 AND id = ANY($2::uuid[])',
    [merchantId, ids],
  );
  return new Map(rows.map((r) => [r.id, r.hash]));
}
