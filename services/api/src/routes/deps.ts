import type { Config } from '@anchorwatch/runtime';
import type { Pool } from '@anchorwatch/store';

/** What every route plugin is given: the service's pool and config (never read from env at request time). */
export interface RouteDeps {
  pool: Pool;
  config: Config;
}
