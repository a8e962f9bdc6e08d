import type { Alert, AlertEvent, Product, Session, SessionEvent, WebhookNotice } from '@anchorwatch/schemas';
import { renderAlertCard } from './alert-card.ts';
import { ApiClient, ApiError } from './api-client.ts';
import { byId, formatOffset, h } from './dom.ts';
import { FeedClient, type FeedFilters } from './feed-client.ts';

const KEY_STORAGE = 'anchorwatch.apiKey';
const severityRank: Record<string, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const CONTEXT_SECONDS = 30;

interface State {
  api: ApiClient;
  products: Map<string, Product>;
  sessions: Map<string, Session>;
  alerts: Map<string, Alert>;
  filters: FeedFilters;
  feed: FeedClient | null;
  selected: string | null;
  drafts: Map<string, string>;
  refresher: ReturnType<typeof setInterval> | null;
}

let state: State | null = null;

const alertsList = byId<HTMLOListElement>('alerts');
const connection = byId('connection');
const announcer = byId('announcer');

function announce(text: string): void {
  announcer.textContent = text;
}

function showNotice(text: string): void {
  byId('notices').append(h('p', { class: 'notice', role: 'alert' }, text));
}

function passesFilters(s: State, a: Alert): boolean {
  const f = s.filters;
  if (a.status === 'retracted') return false;
  if (f.sessionId && a.sessionId !== f.sessionId) return false;
  if (f.productId && a.productId !== f.productId) return false;
  if (f.minSeverity && severityRank[a.severity]! < severityRank[f.minSeverity]!) return false;
  return true;
}

/** Draws one alert's card in its newest-first place, keeping keyboard focus on the same control. */
function drawAlert(s: State, a: Alert): void {
  let li = document.getElementById(`alert-${a.id}`) as HTMLLIElement | null;
  if (!passesFilters(s, a)) {
    li?.remove();
    updateCount(s);
    return;
  }
  const focused = li?.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.action : undefined;
  if (!li) {
    li = h('li');
    const before = [...alertsList.children].find((el) => {
      const other = s.alerts.get((el as HTMLElement).dataset.alertId ?? '');
      return other !== undefined && (other.createdAt < a.createdAt || (other.createdAt === a.createdAt && other.id < a.id));
    });
    alertsList.insertBefore(li, before ?? null);
  }
  renderAlertCard(li, a, {
    product: s.products.get(a.productId),
    alsoNamed: (a.explanation.product.ambiguousWith ?? []).map((id) => s.products.get(id)?.name ?? 'another product'),
    session: s.sessions.get(a.sessionId),
    selected: s.selected === a.id,
    dismissDraft: s.drafts.get(a.id) ?? null,
  });
  if (focused) {
    const again = li.querySelector<HTMLElement>(`[data-action="${focused}"]`) ?? li.querySelector<HTMLElement>('[data-action="context"]');
    again?.focus();
  }
  updateCount(s);
}

function updateCount(s: State): void {
  const n = alertsList.children.length;
  byId('alert-count').textContent = `(${n})`;
  byId('alerts-empty').hidden = n > 0;
  void s;
}

function upsertAlert(s: State, a: Alert, fromFeed: boolean): void {
  const known = s.alerts.has(a.id);
  if (!fromFeed && known) return; // the feed's copy is as new or newer than a list read
  s.alerts.set(a.id, a);
  if (!s.products.has(a.productId)) void refreshCatalog(s);
  drawAlert(s, a);
  if (fromFeed && !known && passesFilters(s, a)) {
    announce(`New ${a.severity} alert on ${s.products.get(a.productId)?.name ?? 'a product'}: ${a.text}`);
  }
}

function onFeedEvent(s: State, event: AlertEvent): void {
  upsertAlert(s, event.alert, true);
}

async function refreshCatalog(s: State): Promise<void> {
  const [products, sessions] = await Promise.all([
    s.api.request<Product[]>('GET', '/v1/products'),
    s.api.request<Session[]>('GET', '/v1/sessions'),
  ]);
  s.products = new Map(products.map((p) => [p.id, p]));
  s.sessions = new Map(sessions.map((x) => [x.id, x]));
  drawFilters(s);
  for (const a of s.alerts.values()) drawAlert(s, a);
}

function drawFilters(s: State): void {
  const select = byId<HTMLSelectElement>('filter-product');
  const current = select.value;
  select.replaceChildren(
    h('option', { value: '' }, 'All products'),
    ...[...s.products.values()].map((p) => h('option', { value: p.id }, p.name)),
  );
  select.value = current;
  const list = byId('sessions');
  const live = [...s.sessions.values()].filter((x) => x.status === 'live');
  const item = (id: string, label: string, detail: string) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', 'data-session': id, 'aria-pressed': String((s.filters.sessionId ?? '') === id) },
        label,
        detail ? h('span', { class: 'detail' }, detail) : null,
      ),
    );
  list.replaceChildren(
    item('', 'All sessions', `${live.length} live`),
    ...live.map((x) =>
      item(x.id, x.title ?? `Session ${x.id.slice(0, 8)}`, [x.platform, x.startedAt ? `since ${new Date(x.startedAt).toLocaleTimeString()}` : ''].filter(Boolean).join(' · ')),
    ),
  );
}

/** (Re)starts the feed for the current filters, then reads the recent alerts the feed does not replay. */
function restartFeed(s: State): void {
  s.feed?.stop();
  s.alerts.clear();
  alertsList.replaceChildren();
  updateCount(s);
  let listed = false;
  s.feed = new FeedClient(s.api.authorization, s.filters, {
    onEvent: (event) => onFeedEvent(s, event),
    onState: (st) => {
      connection.textContent =
        st === 'live' ? 'Live' : st === 'connecting' ? 'Connecting…' : st === 'reconnecting' ? 'Reconnecting…' : 'Key refused';
      if (st === 'live' && !listed) {
        listed = true;
        void loadRecent(s);
      }
      if (st === 'unauthorized') signOut('The API refused this key. Sign in again.');
    },
  });
  s.feed.start();
}

async function loadRecent(s: State): Promise<void> {
  const q = new URLSearchParams({ limit: '200' });
  if (s.filters.sessionId) q.set('sessionId', s.filters.sessionId);
  if (s.filters.productId) q.set('productId', s.filters.productId);
  const alerts = await s.api.request<Alert[]>('GET', `/v1/alerts?${q.toString()}`);
  for (const a of alerts) upsertAlert(s, a, false);
}

async function showContext(s: State, alertId: string): Promise<void> {
  const a = s.alerts.get(alertId);
  if (!a) return;
  const previous = s.selected;
  s.selected = alertId;
  if (previous && s.alerts.has(previous)) drawAlert(s, s.alerts.get(previous)!);
  drawAlert(s, a);
  const from = Math.max(0, a.offsetSeconds - CONTEXT_SECONDS);
  const lines = await s.api.request<SessionEvent[]>(
    'GET',
    `/v1/sessions/${a.sessionId}/events?from=${from}&to=${a.offsetSeconds + CONTEXT_SECONDS}`,
  );
  const title = s.sessions.get(a.sessionId)?.title ?? 'the session';
  byId('context-heading').textContent = `Around ${formatOffset(a.offsetSeconds)} in ${title}`;
  byId('context-hint').textContent = `${lines.length} lines from ${formatOffset(from)} to ${formatOffset(a.offsetSeconds + CONTEXT_SECONDS)}.`;
  byId('context-lines').replaceChildren(
    ...lines.map((l) =>
      h(
        'li',
        { class: `line ${l.type}${l.eventId === a.eventId ? ' current' : ''}`, 'aria-current': l.eventId === a.eventId ? 'true' : undefined },
        h('span', { class: 'time' }, formatOffset(l.offsetSeconds)),
        h('span', { class: 'speaker' }, `${l.type === 'chat' ? 'chat · ' : ''}${l.speaker ?? (l.type === 'chat' ? 'viewer' : 'host')}:`),
        l.text,
      ),
    ),
  );
  byId('context-heading').focus();
}

async function act(s: State, alertId: string, move: 'acknowledge' | 'resolve' | 'dismiss', reason?: string): Promise<void> {
  try {
    const updated = await s.api.request<Alert>('POST', `/v1/alerts/${alertId}/${move}`, move === 'dismiss' ? { reason } : undefined);
    s.drafts.delete(alertId);
    s.alerts.set(updated.id, updated);
    drawAlert(s, updated);
    announce(`Alert ${updated.status}.`);
  } catch (err) {
    const message = err instanceof ApiError ? err.message : 'the request failed';
    announce(`Could not ${move} the alert: ${message}`);
    showNotice(`Could not ${move} the alert: ${message}`);
    const fresh = await s.api.request<Alert>('GET', `/v1/alerts/${alertId}`).catch(() => null);
    if (fresh) {
      s.alerts.set(fresh.id, fresh);
      drawAlert(s, fresh);
    }
  }
}

async function openEvidence(s: State, alertId: string): Promise<void> {
  try {
    const clips = await s.api.request<{ id: string }[]>('GET', `/v1/evidence?alertId=${encodeURIComponent(alertId)}`);
    const clip = clips[0];
    if (!clip) {
      showNotice('No evidence clip for this alert yet: it is sealed once its post-roll has passed.');
      return;
    }
    const res = await s.api.raw('GET', `/v1/evidence/${encodeURIComponent(clip.id)}`);
    window.open(URL.createObjectURL(await res.blob()), '_blank', 'noopener');
  } catch (err) {
    showNotice(
      err instanceof ApiError && err.status === 403
        ? 'Evidence clips are open to legal keys only: ask your legal team for the clip of this alert.'
        : 'Could not open the evidence clip.',
    );
  }
}

/** Shows a notice for every webhook endpoint that is disabled: alerts are not reaching that system. */
async function checkWebhooks(s: State): Promise<void> {
  try {
    const notices = await s.api.request<WebhookNotice[]>('GET', '/v1/webhook-notices');
    for (const n of notices) {
      const what = n.description ? `${n.description} (${n.host})` : n.host;
      showNotice(`Webhook to ${what} is disabled${n.disabledReason ? `: ${n.disabledReason}` : ''}. Alerts are not reaching it; ask ops to check it.`);
    }
  } catch {
    // The notices are a courtesy: a failed check must not block the alert feed.
  }
}

alertsList.addEventListener('click', (e) => {
  const s = state;
  const target = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
  const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-alert-id]');
  if (!s || !target || !li) return;
  const id = li.dataset.alertId!;
  switch (target.dataset.action) {
    case 'context':
      void showContext(s, id);
      break;
    case 'acknowledge':
    case 'resolve':
      void act(s, id, target.dataset.action);
      break;
    case 'dismiss-open':
      s.drafts.set(id, '');
      drawAlert(s, s.alerts.get(id)!);
      li.querySelector('textarea')?.focus();
      break;
    case 'dismiss-cancel':
      s.drafts.delete(id);
      drawAlert(s, s.alerts.get(id)!);
      li.querySelector<HTMLElement>('[data-action="dismiss-open"]')?.focus();
      break;
    case 'evidence':
      e.preventDefault();
      void openEvidence(s, id);
      break;
  }
});
alertsList.addEventListener('input', (e) => {
  const t = e.target as HTMLTextAreaElement;
  const li = t.closest<HTMLElement>('li[data-alert-id]');
  if (state && li && t.dataset.action === 'dismiss-reason') state.drafts.set(li.dataset.alertId!, t.value);
});
alertsList.addEventListener('submit', (e) => {
  e.preventDefault();
  const form = e.target as HTMLFormElement;
  const li = form.closest<HTMLElement>('li[data-alert-id]');
  const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement).value.trim();
  if (!state || !li) return;
  if (!reason) {
    announce('Give a reason to dismiss the alert.');
    (form.elements.namedItem('reason') as HTMLTextAreaElement).focus();
    return;
  }
  void act(state, li.dataset.alertId!, 'dismiss', reason);
});

byId('sessions').addEventListener('click', (e) => {
  const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-session]');
  if (!state || !button) return;
  state.filters = { ...state.filters, sessionId: button.dataset.session || undefined };
  drawFilters(state);
  byId('sessions').querySelector<HTMLElement>(`button[data-session="${button.dataset.session}"]`)?.focus();
  restartFeed(state);
});
for (const [id, key] of [['filter-severity', 'minSeverity'], ['filter-product', 'productId']] as const) {
  byId<HTMLSelectElement>(id).addEventListener('change', (e) => {
    if (!state) return;
    state.filters = { ...state.filters, [key]: (e.target as HTMLSelectElement).value || undefined };
    restartFeed(state);
  });
}

async function signIn(key: string): Promise<void> {
  const api = new ApiClient(key);
  const s: State = { api, products: new Map(), sessions: new Map(), alerts: new Map(), filters: {}, feed: null, selected: null, drafts: new Map(), refresher: null };
  await refreshCatalog(s);
  sessionStorage.setItem(KEY_STORAGE, key);
  state = s;
  byId('signed-out').hidden = true;
  byId('signed-in').hidden = false;
  byId('sign-out').hidden = false;
  restartFeed(s);
  void checkWebhooks(s);
  // New sessions and products appear without a reload.
  s.refresher = setInterval(() => void refreshCatalog(s).catch(() => undefined), 30_000);
}

function signOut(message = ''): void {
  sessionStorage.removeItem(KEY_STORAGE);
  state?.feed?.stop();
  if (state?.refresher) clearInterval(state.refresher);
  state = null;
  location.hash = '';
  byId('signed-in').hidden = true;
  byId('sign-out').hidden = true;
  byId('signed-out').hidden = false;
  connection.textContent = 'Signed out';
  byId('sign-in-error').textContent = message;
  byId('api-key').focus();
}

byId('sign-in-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = byId<HTMLInputElement>('api-key');
  const key = input.value.trim();
  if (!key) {
    byId('sign-in-error').textContent = 'Enter your API key.';
    return;
  }
  signIn(key).then(
    () => {
      input.value = '';
      byId('alerts-heading').focus();
    },
    (err: unknown) => {
      byId('sign-in-error').textContent =
        err instanceof ApiError && err.status === 401 ? 'That key is unknown or revoked.'
        : err instanceof ApiError && err.status === 403 ? 'That key may not read alerts; use a staff key.'
        : 'Could not reach the Anchorwatch API.';
      input.focus();
    },
  );
});
byId('sign-out').addEventListener('click', () => signOut());

const saved = sessionStorage.getItem(KEY_STORAGE);
if (saved) void signIn(saved).catch(() => signOut('Your saved key no longer works. Sign in again.'));
