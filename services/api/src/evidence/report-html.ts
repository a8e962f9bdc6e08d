import type { ReportModel } from './report-model.ts';
import { describeConnections, describeWhy, streamTime, wallClock } from './report-model.ts';

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The human-readable report as one self-contained HTML page: per session a timeline, each clip's quote marked. */
export function renderReportHtml(model: ReportModel): string {
  const filters = Object.entries(model.filters).map(([k, v]) => `${escape(k)}=${escape(v)}`).join(', ') || 'none';
  const sessions = model.sessions.map((s) => {
    const clips = s.clips.map((c) => {
      const d = c.doc;
      const lines = d.events
        .map((e) => {
          const who = e.type === 'product_on_air' ? `on air: ${e.productRef ?? ''}` : `${e.speaker ?? ''} (${e.type})`;
          const text = escape(e.text ?? '');
          const isTrigger = e.eventId === d.trigger.eventId;
          return `<tr${isTrigger ? ' class="trigger"' : ''}><td>${streamTime(e.offsetStart)}</td><td>${escape(wallClock(e.occurredAt))}</td><td>${escape(who)}</td><td>${isTrigger ? `<mark>${text}</mark>` : text}</td></tr>`;
        })
        .join('\n');
      const gaps = d.coverage.gaps.length
        ? `<ul class="gaps">${d.coverage.gaps.map((g) => `<li>${g.kind === 'disconnected' ? 'ingest disconnected' : 'no transcript'}: ${streamTime(g.startOffset)}–${streamTime(g.endOffset)} (${escape(wallClock(g.startAt))} – ${escape(wallClock(g.endAt))})</li>`).join('')}</ul>`
        : '<p>Coverage: complete (no disconnect, no silence over the threshold).</p>';
      return `<section class="clip" id="clip-${d.clipId}">
<h3>${escape(wallClock(d.trigger.occurredAt))} · stream ${streamTime(d.trigger.offsetStart)} · ${escape(d.product.name)}</h3>
<blockquote><mark>${escape(d.trigger.text ?? '')}</mark><br><small>${escape(d.trigger.speaker ?? '')} · ${escape(d.trigger.type)} · rule ${escape(d.alert.rule)} · severity ${escape(d.alert.severity)} · detector ${escape(d.alert.detectorVersion)}</small></blockquote>
<p>${escape(describeWhy(d.alert.explanation))}</p>
<p>Window ${streamTime(d.window.startOffset)}–${streamTime(d.window.endOffset)} (${escape(wallClock(d.window.startAt))} – ${escape(wallClock(d.window.endAt))}), pre-roll ${d.window.preRollSeconds} s, post-roll ${d.window.postRollSeconds} s.${d.session.mediaFragmentUrl ? ` Video: <a href="${escape(d.session.mediaFragmentUrl)}">${escape(d.session.mediaFragmentUrl)}</a>` : ''}</p>
${gaps}
<table><thead><tr><th>stream</th><th>wall clock</th><th>who</th><th>text</th></tr></thead><tbody>
${lines}
</tbody></table>
<p class="hash">Clip ${d.clipId} · chain #${d.chain.seq} · SHA-256 ${c.hash} · previous ${d.chain.prevHash ?? '(first)'}</p>
</section>`;
    });
    return `<section class="session">
<h2>Session ${escape(s.session.title ?? s.session.id)}</h2>
<p>Platform ${escape(s.session.platform ?? 'unknown')} · host ${escape(s.session.host)} · started ${escape(wallClock(s.session.startedAt))} (clock: ${s.session.clock === 'client' ? 'the client\'s start time' : 'arrival of the first event'})${s.session.mediaUrl ? ` · media ${escape(s.session.mediaUrl)}` : ''}</p>
<p>Contract ${escape(s.contract.id)} with ${escape(s.contract.creator)} · Merkle root ${s.root ? escape(s.root.root) : '(session not sealed yet)'}</p>
<p>Ingest connections (every disconnect of the session shows as the time between two of them):</p>
<ul class="connections">${describeConnections(s.connections).map((c) => `<li>${escape(c)}</li>`).join('')}</ul>
<h3>Timeline</h3>
<ol class="timeline">${s.clips.map((c) => `<li><a href="#clip-${c.doc.clipId}">${escape(wallClock(c.doc.trigger.occurredAt))}</a> — ${escape(c.doc.product.name)}: “${escape(c.doc.trigger.text ?? '')}”</li>`).join('')}</ol>
${clips.join('\n')}
</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Anchorwatch evidence report</title>
<style>body{font-family:"Noto Sans CJK SC","Noto Sans",Arial,sans-serif;margin:2em;color:#111}mark{background:#ffe066}
table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border-bottom:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
tr.trigger{background:#fff6cc}.hash{font-family:monospace;font-size:.75em;color:#555;word-break:break-all}.gaps{color:#a00}</style></head>
<body><h1>Anchorwatch evidence report</h1>
<p>Merchant ${escape(model.merchantId)} · generated ${escape(wallClock(model.generatedAt))} · filters: ${filters}</p>
<p>Each clip below is stored as RFC 8785 canonical JSON in this bundle's <code>clips/</code> folder; its SHA-256, its link to the
previous clip and its Merkle inclusion proof are in <code>manifest.json</code>. Check them with <code>npx anchorwatch evidence verify BUNDLE.zip</code>.</p>
${sessions.join('\n')}
</body></html>
`;
}
