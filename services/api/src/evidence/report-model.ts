import type { ClipDocument } from '@anchorwatch/schemas';
import type { SessionRoot } from '@anchorwatch/store';

/** One clip as the report shows it. */
export interface ReportClip {
  hash: string;
  doc: ClipDocument;
}

/** A session of the report: its details and its clips in stream order. */
export interface ReportSession {
  session: ClipDocument['session'];
  contract: ClipDocument['contract'];
  root: SessionRoot | null;
  /** Every ingest connection of the session (ISO times; closedAt null while open), so each disconnect shows. */
  connections: ConnectionPeriod[];
  clips: ReportClip[];
}

/** One ingest connection as the report shows it. */
export interface ConnectionPeriod {
  openedAt: string;
  closedAt: string | null;
}

/** What both report formats render. */
export interface ReportModel {
  merchantId: string;
  generatedAt: string;
  filters: Record<string, string>;
  sessions: ReportSession[];
}

/** Groups clips by session (sessions by start time, clips by stream offset). */
export function buildReportModel(
  merchantId: string,
  generatedAt: string,
  filters: Record<string, string>,
  clips: readonly ReportClip[],
  roots: readonly SessionRoot[],
  connectionsOf: (sessionId: string) => ConnectionPeriod[] = () => [],
): ReportModel {
  const bySession = new Map<string, ReportSession>();
  for (const clip of clips) {
    const id = clip.doc.session.id;
    let entry = bySession.get(id);
    if (!entry) {
      entry = {
        session: clip.doc.session,
        contract: clip.doc.contract,
        root: roots.find((r) => r.sessionId === id) ?? null,
        connections: connectionsOf(id),
        clips: [],
      };
      bySession.set(id, entry);
    }
    entry.clips.push(clip);
  }
  const sessions = [...bySession.values()].sort((a, b) => a.session.startedAt.localeCompare(b.session.startedAt));
  for (const s of sessions) s.clips.sort((a, b) => a.doc.trigger.offsetStart - b.doc.trigger.offsetStart);
  return { merchantId, generatedAt, filters, sessions };
}

/** "12:00:35 UTC" style wall-clock with the date, for people. */
export const wallClock = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/** Stream offset as h:mm:ss.s. */
export function streamTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${s.toFixed(1).padStart(4, '0')}`;
}

/** The connection list as one line per connection, e.g. "12:00:00 – 12:41:07 UTC (closed)". */
export function describeConnections(connections: readonly ConnectionPeriod[]): string[] {
  if (connections.length === 0) return ['no ingest connection was recorded'];
  return connections.map((c) => `connected ${wallClock(c.openedAt)} – ${c.closedAt ? wallClock(c.closedAt) : 'still open'}`);
}

/**
 * Why the detector flagged a clip, in one sentence both formats print: the clause, the words that made it negative,
 * whether the words naming the product also name others and, when the line model read it, the kind of text it read
 * it as, its probability and the words that weighed most.
 */
export function describeWhy(explanation: ClipDocument['alert']['explanation']): string {
  const cues = explanation.cues.map((q) => q.text).join(', ') || 'none';
  const model = explanation.model;
  const read = model
    ? `; line model ${model.version}${model.register ? ` reading it as ${model.register}` : ''}: negative with probability ${model.probability.toFixed(2)} (${model.words.map((w) => (w.negated ? `${w.text} (negated)` : w.text)).join(', ') || 'no single word'})`
    : '';
  const others = explanation.product.ambiguousWith?.length ?? 0;
  const ambiguous = others > 0
    ? `; “${explanation.product.text}” also names ${others} other catalogue product${others === 1 ? '' : 's'} and nothing on air said which, so it is reported for each`
    : '';
  return `Why: clause “${explanation.clause}”; cues ${cues}${ambiguous}${read}.`;
}
