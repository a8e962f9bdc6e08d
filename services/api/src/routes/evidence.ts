import { verifyStoredEvidence } from '@anchorwatch/evidence';
import {
  AnchorwatchError,
  clipDocument,
  errorBody,
  evidenceDetail,
  evidenceQuery,
  evidenceSummary,
  idParams,
  verifyReport,
  type EvidenceQuery,
} from '@anchorwatch/schemas';
import {
  getClip,
  listAllClipsForVerify,
  listChainLinks,
  listClipHashes,
  listClips,
  listClipsWithText,
  listConnections,
  listSessionRoots,
} from '@anchorwatch/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildBundle } from '../evidence/build-bundle.ts';
import { proofFor } from '../evidence/proofs.ts';
import { audit } from '../plugins/audit.ts';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

const exportQuery = evidenceQuery.omit({ limit: true });
/** The bundle's bytes; Fastify sends a Buffer as it is, without serialising it. */
const zipBody = z.custom<Buffer>((v) => Buffer.isBuffer(v)).describe('application/zip bundle');

/** The filters a request used, as strings, for the audit log and the bundle's manifest. */
const filtersOf = (q: Partial<EvidenceQuery>): Record<string, string> =>
  Object.fromEntries(Object.entries(q).filter(([k, v]) => k !== 'limit' && v !== undefined).map(([k, v]) => [k, String(v)]));

/** Evidence clips for legal teams (role legal, and admins): list, one with its proof, export, re-verify. */
export const evidenceRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool, config }) => {
  app.get(
    '/v1/evidence',
    {
      preHandler: allow('legal'),
      schema: {
        description: 'List evidence clips in chain order, filtered by contract, session, product, alert and time of the quote.',
        querystring: evidenceQuery,
        response: { 200: z.array(evidenceSummary), 400: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const clips = await listClips(pool, principalOf(request).merchantId, request.query);
      await audit(pool, request, 'evidence.list', { filters: filtersOf(request.query), clipIds: clips.map((c) => c.id) });
      return clips;
    },
  );

  app.get(
    '/v1/evidence/export',
    {
      preHandler: allow('legal'),
      schema: {
        description:
          'Export matching clips as a zip bundle: canonical JSON clips, manifest (hashes, chain, proofs), report.html and report.pdf.',
        querystring: exportQuery,
        response: { 200: zipBody, 400: errorBody, 403: errorBody, 413: errorBody },
      },
    },
    async (request, reply) => {
      const { merchantId } = principalOf(request);
      const clips = await listClipsWithText(pool, merchantId, request.query, config.EVIDENCE_EXPORT_MAX_CLIPS + 1);
      if (clips.length > config.EVIDENCE_EXPORT_MAX_CLIPS) {
        throw new AnchorwatchError(
          'export_too_large',
          `more than ${config.EVIDENCE_EXPORT_MAX_CLIPS} clips match; narrow the filters and export in parts`,
        );
      }
      const first = clips[0];
      const last = clips[clips.length - 1];
      const chain = first && last ? await listChainLinks(pool, merchantId, first.seq, last.seq) : [];
      const roots = await listSessionRoots(pool, merchantId, [...new Set(clips.map((c) => c.sessionId))]);
      const hashes = await listClipHashes(pool, merchantId, roots.flatMap((r) => r.clipIds));
      const sessionIds = [...new Set(clips.map((c) => c.sessionId))];
      const connections = new Map(
        await Promise.all(
          sessionIds.map(async (id) => {
            const periods = await listConnections(pool, id, config.INGEST_CONNECTION_STALE_MS);
            return [id, periods.map((p) => ({ openedAt: p.openedAt.toISOString(), closedAt: p.closedAt?.toISOString() ?? null }))] as const;
          }),
        ),
      );
      const generatedAt = new Date();
      const zip = await buildBundle({
        merchantId,
        filters: filtersOf(request.query),
        clips,
        chain,
        roots,
        proofOf: (id) => proofFor(id, roots.find((r) => r.clipIds.includes(id)), hashes),
        connectionsOf: (id) => connections.get(id) ?? [],
        fontPath: config.EVIDENCE_PDF_FONT_PATH,
        generatedAt,
      });
      await audit(pool, request, 'evidence.export', { filters: filtersOf(request.query), clipIds: clips.map((c) => c.id) });
      const name = `anchorwatch-evidence-${generatedAt.toISOString().replace(/[:.]/g, '-')}.zip`;
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
    },
  );

  app.get(
    '/v1/evidence/verify',
    {
      preHandler: allow('legal'),
      schema: {
        description: "Re-verify all of the merchant's stored clips: recompute every hash, chain link and session Merkle root.",
        response: { 200: verifyReport, 403: errorBody },
      },
    },
    async (request) => {
      const { merchantId } = principalOf(request);
      const clips = await listAllClipsForVerify(pool, merchantId);
      const roots = await listSessionRoots(pool, merchantId, null);
      const report = verifyStoredEvidence(
        clips.map((c) => ({ clipId: c.id, sessionId: c.sessionId, seq: c.seq, hash: c.hash, prevHash: c.prevHash, canonical: c.canonical })),
        roots,
      );
      await audit(pool, request, 'evidence.verify', { ok: report.ok, clipsChecked: report.clipsChecked });
      return report;
    },
  );

  app.get(
    '/v1/evidence/:id',
    {
      preHandler: allow('legal'),
      schema: {
        description: 'One clip: its document, the canonical text that was hashed, its hash, chain link and Merkle inclusion proof.',
        params: idParams,
        response: { 200: evidenceDetail, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const { merchantId } = principalOf(request);
      const clip = await getClip(pool, merchantId, request.params.id);
      const [root] = await listSessionRoots(pool, merchantId, [clip.sessionId]);
      const hashes = root ? await listClipHashes(pool, merchantId, root.clipIds) : new Map<string, string>();
      await audit(pool, request, 'evidence.view', { clipId: clip.id });
      return { ...clip, document: clipDocument.parse(JSON.parse(clip.canonical)), proof: proofFor(clip.id, root, hashes) };
    },
  );
};
