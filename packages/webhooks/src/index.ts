export * from './address-check.ts';
export * from './notice-filters.ts';
export * from './retry-schedule.ts';
export * from './secret-box.ts';
export * from './signing.ts';
export * from './slack-message.ts';
export * from './standard-payload.ts';
export * from './job-options.ts';
