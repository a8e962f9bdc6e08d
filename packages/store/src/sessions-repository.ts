import { voice as voiceSchema, type CreateSessionBody, type Session, type SessionLanguage, type Voice } from '@anchorwatch/schemas';
import type { Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';
import { generateSecret, hashSecret } from './secrets.ts';
import { getContract } from './contracts-repository.ts';

interface SessionRow {
  id: string;
  merchant_id: string;
  contract_id: string;
  platform: string | null;
  title: string | null;
  media_url: string | null;
  started_at: Date | null;
  started_at_source: 'client' | 'first_event' | null;
  status: 'live' | 'ended';
  created_at: Date;
  ended_at: Date | null;
  language: SessionLanguage;
  voice: unknown;
  batch_seq: string;
}

const columns =
  'id, merchant_id, contract_id, platform, title, media_url, started_at, started_at_source, status, created_at, ended_at, language, voice, batch_seq';

const toSession = (r: SessionRow): Session => ({
  id: r.id,
  contractId: r.contract_id,
  platform: r.platform,
  title: r.title,
  mediaUrl: r.media_url,
  startedAt: r.started_at?.toISOString() ?? null,
  startedAtSource: r.started_at_source,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  endedAt: r.ended_at?.toISOString() ?? null,
  language: r.language,
});

/** What ingest and the worker need to know about a session, whoever owns it. */
export interface SessionContext {
  id: string;
  merchantId: string;
  status: 'live' | 'ended';
  startedAt: Date | null;
  language: SessionLanguage;
  /** How its transcript lines have read so far (the engine's `DetectContext.voice`). */
  voice: Voice;
  /** The highest ingest batch number the worker has read (`IngestBatchJob.seq`); 0 before the first. */
  batchSeq: number;
}

const toContext = (r: SessionRow): SessionContext => ({
  id: r.id,
  merchantId: r.merchant_id,
  status: r.status,
  startedAt: r.started_at,
  language: r.language,
  // Written only by `saveSessionVoice`; a value that is not a voice starts the count again rather than failing.
  voice: voiceSchema.safeParse(r.voice).data ?? {},
  batchSeq: Number(r.batch_seq),
});

/** Opens a live session under one of the merchant's contracts; the ingest token is returned once. */
export async function createSession(
  db: Queryable,
  merchantId: string,
  input: CreateSessionBody,
): Promise<Session & { ingestToken: string }> {
  await getContract(db, merchantId, input.contractId);
  const ingestToken = generateSecret('awi');
  const { rows } = await db.query<SessionRow>(
    `INSERT INTO sessions (merchant_id, contract_id, platform, title, media_url, started_at, started_at_source, ingest_token_hash, language)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6::timestamptz IS NULL THEN NULL ELSE 'client' END, $7, $8)
     RETURNING ${columns}`,
    [
      merchantId,
      input.contractId,
      input.platform ?? null,
      input.title ?? null,
      input.mediaUrl ?? null,
      input.startedAt ?? null,
      hashSecret(ingestToken),
      input.language ?? 'auto',
    ],
  );
  return { ...toSession(rows[0]!), ingestToken };
}

/** One of the merchant's sessions. */
export async function getSession(db: Queryable, merchantId: string, id: string): Promise<Session> {
  const { rows } = await db.query<SessionRow>(`SELECT ${columns} FROM sessions WHERE merchant_id = $1 AND id = $2`, [
    merchantId,
    id,
  ]);
  if (!rows[0]) throw new NotFoundError('session');
  return toSession(rows[0]);
}

/** Lists the merchant's sessions, newest first. */
export async function listSessions(db: Queryable, merchantId: string): Promise<Session[]> {
  const { rows } = await db.query<SessionRow>(
    `SELECT ${columns} FROM sessions WHERE merchant_id = $1 ORDER BY created_at DESC, id`,
    [merchantId],
  );
  return rows.map(toSession);
}

/** Marks a session ended: ingest refuses new connections; events already queued are still analysed. */
export async function endSession(db: Queryable, merchantId: string, id: string): Promise<Session> {
  const { rows } = await db.query<SessionRow>(
    `UPDATE sessions SET status = 'ended', ended_at = coalesce(ended_at, now())
     WHERE merchant_id = $1 AND id = $2 RETURNING ${columns}`,
    [merchantId, id],
  );
  if (!rows[0]) throw new NotFoundError('session');
  return toSession(rows[0]);
}

/** Resolves an ingest token for one session; null when the token does not open that session. */
export async function findSessionByIngestToken(
  db: Queryable,
  sessionId: string,
  token: string,
): Promise<SessionContext | null> {
  const { rows } = await db.query<SessionRow>(
    `SELECT ${columns} FROM sessions WHERE id = $1 AND ingest_token_hash = $2`,
    [sessionId, hashSecret(token)],
  );
  return rows[0] ? toContext(rows[0]) : null;
}

/** Records that the worker has read the session's batch `seq` (never moving the mark back). */
export async function markBatchRead(db: Queryable, sessionId: string, seq: number): Promise<void> {
  await db.query('UPDATE sessions SET batch_seq = GREATEST(batch_seq, $2) WHERE id = $1', [sessionId, seq]);
}

/** Stores the session's voice after a batch, in the batch's transaction (which holds the session's row lock). */
export async function saveSessionVoice(db: Queryable, sessionId: string, voice: Voice): Promise<void> {
  await db.query('UPDATE sessions SET voice = $2 WHERE id = $1', [sessionId, JSON.stringify(voice)]);
}

/** Current state of a session, or null (ingest re-checks it to notice a session ended mid-stream). */
export async function getSessionContext(db: Queryable, sessionId: string): Promise<SessionContext | null> {
  const { rows } = await db.query<SessionRow>(`SELECT ${columns} FROM sessions WHERE id = $1`, [sessionId]);
  return rows[0] ? toContext(rows[0]) : null;
}

/**
 * Locks the session row for this transaction (serialising its batches across workers) and fixes stream second 0
 * at `firstArrival` when no client clock was given. Returns the session as locked.
 */
export async function lockSessionForBatch(db: Queryable, sessionId: string, firstArrival: Date): Promise<SessionContext> {
  const { rows } = await db.query<SessionRow>(
    `UPDATE sessions SET started_at = coalesce(started_at, $2),
            started_at_source = coalesce(started_at_source, 'first_event')
     WHERE id = $1 RETURNING ${columns}`,
    [sessionId, firstArrival],
  );
  if (!rows[0]) throw new NotFoundError('session');
  return toContext(rows[0]);
}
