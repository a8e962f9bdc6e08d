import { z } from 'zod';
import { errorCode } from './errors.ts';

/** Server → client: these event ids are durably queued (or were already); the client may forget them. */
export const ackFrame = z.object({ type: z.literal('ack'), ids: z.array(z.string()) });

/**
 * Server → client: something in a frame was refused. `id` names the bad event when it could be read;
 * `ids` lists every event the error covers when it is more than one (e.g. a failed enqueue: resend them).
 */
export const errorFrame = z.object({
  type: z.literal('error'),
  id: z.string().nullable(),
  ids: z.array(z.string()).optional(),
  code: errorCode,
  message: z.string(),
});

export const serverFrame = z.discriminatedUnion('type', [ackFrame, errorFrame]);

export type AckFrame = z.infer<typeof ackFrame>;
export type ErrorFrame = z.infer<typeof errorFrame>;
export type ServerFrame = z.infer<typeof serverFrame>;
