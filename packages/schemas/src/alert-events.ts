import { z } from 'zod';
import { alert } from './api.ts';

/** What happened to an alert: raised by the worker, retracted by a late on-air mark, or acted on by a person. */
export const alertEventKind = z.enum(['raised', 'retracted', 'status_changed']);

/**
 * One change to one alert, as the outbox hands it to sinks and the live feed sends it to browsers. `feedSeq`
 * (a decimal string: it is a bigint) orders a merchant's changes; a client that saw N asks for everything after N.
 */
export const alertEvent = z.object({
  feedSeq: z.string().regex(/^\d+$/),
  kind: alertEventKind,
  merchantId: z.string().uuid(),
  recordedAt: z.iso.datetime({ offset: true }),
  alert,
});

export type AlertEventKind = z.infer<typeof alertEventKind>;
export type AlertEvent = z.infer<typeof alertEvent>;
