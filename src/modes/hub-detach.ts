import { ActionError } from '../errors.js';
import type { Config } from '../inputs.js';
import type { ModeResult } from '../outputs.js';

export async function hubDetach(config: Config): Promise<ModeResult> {
  throw new ActionError(`Mode '${config.mode}' is not available in this build.`, { input: 'mode' });
}
