import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  it('grants a burst up to the rate, then refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter(10, () => now);
    expect(limiter.take(15)).toBe(10);
    expect(limiter.take(1)).toBe(0);
    now = 500;
    expect(limiter.take(10)).toBe(5);
    now = 10_000;
    expect(limiter.take(100)).toBe(10);
  });
});
