import type { Alert, Contract, Product, createdSession } from '@anchorwatch/schemas';
import type { z } from 'zod';

export type CreatedSessionBody = z.infer<typeof createdSession>;
export type { Alert, Contract, Product };
