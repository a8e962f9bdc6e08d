export * from './config.ts';
export * from './logger.ts';
export * from './redis.ts';
export * from './health.ts';
export * from './shutdown.ts';
export * from './bearer.ts';
