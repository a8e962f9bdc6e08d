import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { scrubUrl } from './logger.ts';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.API_PORT).toBe(3000);
    expect(config.INGEST_PORT).toBe(3001);
    expect(config.WORKER_PORT).toBe(3002);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/anchorwatch');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ API_PORT: 'abc', INGEST_MAX_FRAME_BYTES: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ API_PORT: 'abc', INGEST_MAX_FRAME_BYTES: '-1' })).toThrow(/API_PORT.*INGEST_MAX_FRAME_BYTES/);
  });

  it('accepts only a 32-byte base64 webhook secret key (or none)', () => {
    expect(() => loadConfig({ WEBHOOK_SECRET_KEY: 'c2hvcnQ=' })).toThrow(/WEBHOOK_SECRET_KEY/);
    expect(loadConfig({ WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).WEBHOOK_SECRET_KEY).toHaveLength(44);
  });

  it('documents every variable in docs/CONFIG.md', () => {
    const doc = readFileSync(new URL('../../../docs/CONFIG.md', import.meta.url), 'utf8');
    const missing = Object.keys(loadConfig({})).filter((name) => !doc.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});

describe('scrubUrl', () => {
  it('hides the ingest token in a logged URL', () => {
    expect(scrubUrl('/v1/sessions/x/ingest?token=awi_secret&a=1')).toBe('/v1/sessions/x/ingest?token=[Redacted]&a=1');
  });
});
