export * from './events.ts';
export * from './frames.ts';
export * from './errors.ts';
export * from './catalog.ts';
export * from './findings.ts';
export * from './jobs.ts';
export * from './api.ts';
export * from './webhooks.ts';
