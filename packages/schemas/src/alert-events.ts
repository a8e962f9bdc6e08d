import { z } from 'zod';
import { alert } from './api.ts';

const id = z.string().uuid();
const timestamp = z.iso.datetime({ offset: true });

// Placeholder per the outbox contract (notes/OUTBOX.md); replaced by main's file when the outbox lands.
export const alertEventKind = z.enum(['raised', 'retracted', 'status_changed']);
export const alertEvent = z.object({ feedSeq: z.string(), kind: alertEventKind, merchantId: id, recordedAt: timestamp, alert });
export type AlertEventKind = z.infer<typeof alertEventKind>;
export type AlertEvent = z.infer<typeof alertEvent>;
