import { alertFeedQuery, AnchorwatchError, errorBody } from '@anchorwatch/schemas';
import { latestFeedSeq, listAlertEventsAfter } from '@anchorwatch/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AlertFeedHub } from '../feed/alert-feed-hub.ts';
import { FeedStream } from '../feed/feed-stream.ts';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

const lastEventId = (header: string | string[] | undefined): string | undefined => {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  if (!/^\d{1,19}$/.test(value)) throw new AnchorwatchError('validation_failed', 'Last-Event-ID: a feedSeq: decimal digits');
  return value;
};

/** The live alert feed: server-sent events over a plain authenticated GET, fanned out across API instances by Redis. */
export const alertFeedRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool, config }) => {
  const hub = new AlertFeedHub(config.REDIS_URL, config.QUEUE_PREFIX, app.log);
  const open = new Set<FeedStream>();
  // Open streams would keep the server from closing: end them first (clients reconnect to another instance).
  app.addHook('preClose', async () => {
    for (const stream of [...open]) stream.end();
    hub.close();
  });

  app.get(
    '/v1/alerts/feed',
    {
      preHandler: allow('staff', 'legal'),
      schema: {
        description:
          'Live alert changes as text/event-stream (`event: alert`, `id:` = feedSeq), filtered by session, product and ' +
          'minimum severity. With `after` (or Last-Event-ID) everything after it is replayed first, then `event: ready` ' +
          'marks the switch to live; without it the feed starts now.',
        querystring: alertFeedQuery,
        response: { 400: errorBody, 401: errorBody, 403: errorBody, 503: errorBody },
      },
    },
    async (request, reply) => {
      const { merchantId } = principalOf(request);
      const after = request.query.after ?? lastEventId(request.headers['last-event-id']);
      let stream: FeedStream | null = null;
      const early: Parameters<FeedStream['live']>[0][] = [];
      // Subscribe before reading the cursor or replaying, so nothing committed meanwhile falls between the two.
      const unsubscribe = await hub.subscribe(merchantId, {
        onEvent: (event) => (stream ? stream.live(event) : early.push(event)),
        onLost: () => stream?.end(),
      });
      let start: string;
      try {
        start = after ?? (await latestFeedSeq(pool, merchantId));
      } catch (err) {
        await unsubscribe();
        throw err;
      }
      reply.hijack();
      const s = new FeedStream(reply.raw, request.query, config, start, () => {
        open.delete(s);
        void unsubscribe();
      });
      stream = s;
      open.add(s);
      for (const event of early.splice(0)) s.live(event);
      try {
        if (after !== undefined) {
          for (;;) {
            const page = await listAlertEventsAfter(pool, merchantId, s.cursor, config.FEED_REPLAY_PAGE_SIZE);
            for (const event of page) s.offer(event);
            if (page.length < config.FEED_REPLAY_PAGE_SIZE || s.isClosed) break;
          }
        }
        s.goLive();
      } catch (err) {
        request.log.error({ err }, 'alert feed replay failed');
        s.end();
      }
    },
  );
};
