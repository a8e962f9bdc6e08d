import { createContract, createPool, createProduct, createSession, type Pool } from '@anchorwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/config.ts';
import { createTenant } from '../../../test/support/tenant.ts';
import { DetectorCache } from '../src/detector-cache.ts';

let pool: Pool;
let merchantId: string;

beforeAll(async () => {
  pool = createPool(testConfig().DATABASE_URL, 4);
  merchantId = (await createTenant(pool)).merchantId;
});
afterAll(() => pool.end());

const waitPast = (ms: number) => new Promise((r) => setTimeout(r, ms + 5));

describe('DetectorCache', () => {
  it('shares one detector between sessions of a contract and keeps it while nothing changes', async () => {
    const product = await createProduct(pool, merchantId, { name: 'MagSnap Power Bank', aliases: ['magsnap'] });
    const contract = await createContract(pool, merchantId, { creator: 'Maddie', productIds: [product.id] });
    const a = await createSession(pool, merchantId, { contractId: contract.id });
    const b = await createSession(pool, merchantId, { contractId: contract.id });
    const cache = new DetectorCache(20);

    const first = await cache.forSession(pool, a.id);
    expect(await cache.forSession(pool, b.id)).toBe(first);
    await waitPast(20);
    expect(await cache.forSession(pool, a.id)).toBe(first);
  });

  it('rebuilds once the catalogue changes, after the TTL', async () => {
    const product = await createProduct(pool, merchantId, { name: 'GlowLab Vitamin C Serum', aliases: [] });
    const contract = await createContract(pool, merchantId, { creator: 'Maddie', productIds: [product.id] });
    const session = await createSession(pool, merchantId, { contractId: contract.id });
    const cache = new DetectorCache(20);
    const line = { eventId: 'e1', type: 'chat' as const, text: 'the bright drops gave me a rash', speaker: 'amy' };

    const before = await cache.forSession(pool, session.id);
    expect(before.detector.detect(line, { onAirProductId: null })).toEqual([]);
    await pool.query(`UPDATE products SET aliases = '{bright drops}' WHERE id = $1`, [product.id]);
    await waitPast(20);
    const after = await cache.forSession(pool, session.id);
    expect(after).not.toBe(before);
    expect(after.detector.detect(line, { onAirProductId: null }).map((f) => f.productId)).toEqual([product.id]);
  });

  it('hands the products\' deny entries to the detector', async () => {
    const product = await createProduct(pool, merchantId, { name: 'Juniper Candle', aliases: ['juniper'], notMentions: ['Juniper Lane'] });
    const contract = await createContract(pool, merchantId, { creator: 'Maddie', productIds: [product.id] });
    const session = await createSession(pool, merchantId, { contractId: contract.id });
    const { detector } = await new DetectorCache(60_000).forSession(pool, session.id);
    const about = (text: string) => detector.detect({ eventId: 'e1', type: 'chat', text, speaker: 'amy' }, { onAirProductId: null });
    expect(about('the traffic on Juniper Lane is a total nightmare')).toEqual([]);
    expect(about('the juniper is a total rip-off').map((f) => f.productId)).toEqual([product.id]);
  });
});
