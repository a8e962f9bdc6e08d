import stored from './shipped-model.json' with { type: 'json' };
import { LinearModel, type LineModel, type StoredModel } from './linear-model.ts';

/** The line model shipped with the engine, trained by `npm run train` (eval/train-model.ts) on ../shared/data. */
export const SHIPPED_MODEL: LineModel = LinearModel.decode(stored as StoredModel);
