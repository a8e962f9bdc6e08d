import type { Alert, Product, Session } from '@anchorwatch/schemas';
import { formatOffset, h, timeEl } from './dom.ts';
import { highlightQuote } from './highlight.ts';

const statusLabel: Record<Alert['status'], string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  dismissed: 'Dismissed',
  retracted: 'Retracted',
};

export interface CardContext {
  product: Product | undefined;
  /** Names of the other products the alert's words also name (an alias they share, nothing on air to settle it). */
  alsoNamed: readonly string[];
  session: Session | undefined;
  selected: boolean;
  dismissDraft: string | null;
}

/** The quote with the product mention and the negative words marked. */
function quote(a: Alert): HTMLButtonElement {
  const button = h('button', {
    type: 'button',
    class: 'quote',
    'data-action': 'context',
    'aria-label': `Show transcript and chat around: ${a.text}`,
  });
  button.append('“');
  for (const s of highlightQuote(a.text, a.explanation)) {
    button.append(s.mark ? h('mark', { class: s.mark }, s.text) : s.text);
  }
  button.append('”');
  return button;
}

/** The card body of one alert: severity, product, quote, when, lifecycle, and what staff can do next. */
export function renderAlertCard(li: HTMLLIElement, a: Alert, ctx: CardContext): void {
  const productName = ctx.product?.name ?? 'Unknown product';
  const closed = a.status === 'resolved' || a.status === 'dismissed' || a.status === 'retracted';
  li.className = `alert sev-${a.severity} status-${a.status}${closed ? ' closed' : ''}${ctx.selected ? ' selected' : ''}`;
  li.id = `alert-${a.id}`;
  li.dataset.alertId = a.id;
  li.dataset.status = a.status;
  li.setAttribute('aria-labelledby', `alert-${a.id}-title`);
  const who = a.statusChanges.at(-1);
  const canAct = a.status === 'open' || a.status === 'acknowledged';
  const children = [
    h(
      'div',
      { class: 'alert-head' },
      h('span', { class: `badge sev-${a.severity}` }, a.severity),
      h('h3', { id: `alert-${a.id}-title` }, productName),
      h('span', { class: 'status', 'data-role': 'status' }, statusLabel[a.status]),
    ),
    quote(a),
    h(
      'p',
      { class: 'meta' },
      `${a.eventType === 'chat' ? `Chat · ${a.speaker ?? 'viewer'}` : `Host${a.speaker && a.speaker !== 'host' ? ` · ${a.speaker}` : ''}`} · stream ${formatOffset(a.offsetSeconds)} · `,
      timeEl(a.occurredAt),
      ctx.session?.title ? ` · ${ctx.session.title}` : '',
    ),
    ctx.alsoNamed.length > 0
      ? h('p', { class: 'ambiguous' }, `“${a.explanation.product.text}” also names ${ctx.alsoNamed.join(', ')}: the line does not say which, so each has an alert.`)
      : null,
    who
      ? h('p', { class: 'who' }, `${statusLabel[who.to]} by ${who.by.name} at `, timeEl(who.at), who.reason ? ` — “${who.reason}”` : '')
      : null,
    h(
      'div',
      { class: 'actions' },
      a.status === 'open'
        ? h('button', { type: 'button', 'data-action': 'acknowledge', 'aria-describedby': `alert-${a.id}-title` }, 'Acknowledge')
        : null,
      canAct ? h('button', { type: 'button', class: 'secondary', 'data-action': 'resolve', 'aria-describedby': `alert-${a.id}-title` }, 'Resolve') : null,
      canAct && ctx.dismissDraft === null
        ? h('button', { type: 'button', class: 'secondary', 'data-action': 'dismiss-open', 'aria-describedby': `alert-${a.id}-title` }, 'Dismiss…')
        : null,
      h('a', { href: `/v1/evidence?alertId=${encodeURIComponent(a.id)}`, 'data-action': 'evidence' }, 'Evidence clip'),
    ),
    canAct && ctx.dismissDraft !== null ? dismissForm(a, ctx.dismissDraft) : null,
  ];
  li.replaceChildren(...children.filter((c) => c !== null));
}

function dismissForm(a: Alert, draft: string): HTMLFormElement {
  const id = `dismiss-${a.id}`;
  const textarea = h('textarea', { id, name: 'reason', required: true, maxlength: '2000', 'data-action': 'dismiss-reason' });
  textarea.value = draft;
  return h(
    'form',
    { class: 'dismiss-form', 'data-action': 'dismiss-form' },
    h('label', { for: id }, 'Why is this alert wrong or not worth acting on? (kept as feedback on the detector)'),
    textarea,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, 'Dismiss alert'),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'dismiss-cancel' }, 'Cancel'),
    ),
  );
}
