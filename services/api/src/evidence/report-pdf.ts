import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ReportModel } from './report-model.ts';
import { describeConnections, describeWhy, streamTime, wallClock } from './report-model.ts';

/** PostScript name of the Simplified Chinese face inside Debian's Noto Sans CJK collection (.ttc). */
const CJK_FACE = 'NotoSansCJKsc-Regular';

// The CJK collection is ~20 MB: read it once per process, not once per export.
const fontCache = new Map<string, Buffer | null>();
function fontBytes(path: string): Buffer | null {
  if (!fontCache.has(path)) fontCache.set(path, existsSync(path) ? readFileSync(path) : null);
  return fontCache.get(path) ?? null;
}

/**
 * The human-readable report as a PDF fit to attach to a letter: per session a timeline, then each clip with its
 * quote highlighted and its timestamps. Uses the CJK-capable font at `fontPath` when present, Helvetica otherwise.
 */
export function renderReportPdf(model: ReportModel, fontPath: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: 'Anchorwatch evidence report', Author: 'Anchorwatch', Subject: `merchant ${model.merchantId}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const font = fontBytes(fontPath);
  if (font) {
    doc.registerFont('body', font, fontPath.endsWith('.ttc') ? CJK_FACE : undefined);
    doc.font('body');
  } else doc.font('Helvetica');
  const width = doc.page.width - 100;
  const muted = (text: string, size = 8): void => {
    doc.fillColor('#555555').fontSize(size).text(text, { width });
    doc.fillColor('#000000');
  };
  const highlighted = (text: string, size: number): void => {
    doc.fontSize(size);
    const height = doc.heightOfString(text, { width: width - 8 });
    if (doc.y + height + 8 > doc.page.height - 50) doc.addPage();
    const top = doc.y;
    doc.rect(50, top, width, height + 8).fill('#ffe066');
    doc.fillColor('#000000').text(text, 54, top + 4, { width: width - 8 });
    doc.x = 50;
    doc.moveDown(0.5);
  };

  doc.fontSize(20).text('Anchorwatch evidence report');
  doc.moveDown(0.3);
  muted(`Merchant ${model.merchantId} · generated ${wallClock(model.generatedAt)}`, 10);
  const filters = Object.entries(model.filters).map(([k, v]) => `${k}=${v}`).join(', ');
  muted(`Filters: ${filters || 'none'}. Verify the bundle with: npx anchorwatch evidence verify BUNDLE.zip`, 10);
  doc.moveDown();

  for (const s of model.sessions) {
    doc.fontSize(15).text(`Session: ${s.session.title ?? s.session.id}`);
    muted(
      `Platform ${s.session.platform ?? 'unknown'} · host ${s.session.host} · started ${wallClock(s.session.startedAt)} ` +
        `(clock: ${s.session.clock === 'client' ? "client's start time" : 'first event arrival'})` +
        `${s.session.mediaUrl ? ` · media ${s.session.mediaUrl}` : ''}`,
      9,
    );
    muted(`Merkle root: ${s.root?.root ?? '(session not sealed yet)'}`);
    muted(`Ingest connections: ${describeConnections(s.connections).join('; ')}`);
    doc.moveDown(0.5);
    doc.fontSize(12).text('Timeline');
    for (const c of s.clips) {
      doc.fontSize(10).text(`${wallClock(c.doc.trigger.occurredAt)}  [${streamTime(c.doc.trigger.offsetStart)}]  ${c.doc.product.name}: "${c.doc.trigger.text ?? ''}"`, { width });
    }
    doc.moveDown();
    for (const c of s.clips) {
      const d = c.doc;
      doc.fontSize(12).text(`${wallClock(d.trigger.occurredAt)} · stream ${streamTime(d.trigger.offsetStart)} · ${d.product.name}`, { width });
      doc.moveDown(0.2);
      highlighted(d.trigger.text ?? '', 14);
      muted(
        `${d.trigger.speaker ?? ''} (${d.trigger.type}) · rule ${d.alert.rule} · severity ${d.alert.severity} · detector ${d.alert.detectorVersion}`,
        9,
      );
      muted(describeWhy(d.alert.explanation), 9);
      muted(
        `Window ${streamTime(d.window.startOffset)} – ${streamTime(d.window.endOffset)} (${wallClock(d.window.startAt)} – ${wallClock(d.window.endAt)})` +
          `${d.session.mediaFragmentUrl ? ` · video ${d.session.mediaFragmentUrl}` : ''}`,
        9,
      );
      if (d.coverage.gaps.length === 0) muted('Coverage: complete.', 9);
      for (const g of d.coverage.gaps) {
        doc.fillColor('#aa0000').fontSize(9).text(
          `Gap (${g.kind === 'disconnected' ? 'ingest disconnected' : 'no transcript'}): ${streamTime(g.startOffset)} – ${streamTime(g.endOffset)}`,
          { width },
        );
        doc.fillColor('#000000');
      }
      doc.moveDown(0.3);
      for (const e of d.events) {
        const who = e.type === 'product_on_air' ? `on air ${e.productRef ?? ''}` : (e.speaker ?? '');
        const line = `${streamTime(e.offsetStart)}  ${e.occurredAt.slice(11, 19)}  ${who}: ${e.text ?? ''}`;
        if (e.eventId === d.trigger.eventId) highlighted(line, 9);
        else doc.fontSize(9).text(line, { width });
      }
      muted(`Clip ${d.clipId} · chain #${d.chain.seq} · SHA-256 ${c.hash}`, 7);
      muted(`Previous: ${d.chain.prevHash ?? '(first clip)'}`, 7);
      doc.moveDown();
    }
  }
  doc.end();
  return done;
}
