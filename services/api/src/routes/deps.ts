import type { Config, Redis } from '@anchorwatch/runtime';
import type { Pool } from '@anchorwatch/store';

/**
 * What every route plugin is given: the service's pool, its one Redis command connection (queues, rate limits; the
 * live feed's subscriber is separate, as Redis requires) and config (never read from env at request time).
 */
export interface RouteDeps {
  pool: Pool;
  redis: Redis;
  config: Config;
}
