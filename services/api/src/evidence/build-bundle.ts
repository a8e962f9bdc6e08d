import { sha256Hex } from '@anchorwatch/evidence';
import { clipDocument, type BundleManifest, type InclusionProof } from '@anchorwatch/schemas';
import type { SessionRoot, StoredClipRow } from '@anchorwatch/store';
import { zipSync, strToU8 } from 'fflate';
import { buildReportModel, type ConnectionPeriod } from './report-model.ts';
import { renderReportHtml } from './report-html.ts';
import { renderReportPdf } from './report-pdf.ts';

export interface BundleInput {
  merchantId: string;
  filters: Record<string, string>;
  clips: readonly StoredClipRow[];
  chain: BundleManifest['chain'];
  roots: readonly SessionRoot[];
  proofOf: (clipId: string) => InclusionProof | null;
  connectionsOf: (sessionId: string) => ConnectionPeriod[];
  fontPath: string;
  generatedAt: Date;
}

/**
 * The export bundle (zip): each clip's exact canonical bytes under clips/, manifest.json (hashes, chain links,
 * proofs, report hashes) and report.html / report.pdf. Everything `anchorwatch evidence verify` needs is inside.
 */
export async function buildBundle(input: BundleInput): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const reportClips = input.clips.map((c) => ({ hash: c.hash, doc: clipDocument.parse(JSON.parse(c.canonical)) }));
  const generatedAt = input.generatedAt.toISOString();
  const model = buildReportModel(
    input.merchantId,
    generatedAt,
    input.filters,
    reportClips,
    input.roots,
    input.connectionsOf,
  );
  files['report.html'] = strToU8(renderReportHtml(model));
  files['report.pdf'] = await renderReportPdf(model, input.fontPath);

  const manifest: BundleManifest = {
    format: 'anchorwatch-evidence-bundle/1',
    generatedAt,
    merchantId: input.merchantId,
    filters: input.filters,
    clips: input.clips.map((c) => {
      const file = `clips/${String(c.seq).padStart(8, '0')}-${c.id}.json`;
      files[file] = strToU8(c.canonical);
      return { clipId: c.id, file, sha256: c.hash, seq: c.seq, sessionId: c.sessionId, proof: input.proofOf(c.id) };
    }),
    chain: input.chain,
    files: { 'report.html': sha256Hex(files['report.html']), 'report.pdf': sha256Hex(files['report.pdf']) },
  };
  files['manifest.json'] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  // The PDF is already compressed; storing it saves time for nothing lost.
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, data]) => [name, name.endsWith('.pdf') ? [data, { level: 0 }] : data])),
    { level: 6, mtime: input.generatedAt },
  );
}
