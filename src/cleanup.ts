import { rm } from 'node:fs/promises';

import * as core from './core.js';

const STATE = 'files';
const files: string[] = [];

/** Records a file the action wrote, so the post step removes it even after a cancellation. */
export function rememberFile(path: string): void {
  files.push(path);
  core.saveState(STATE, JSON.stringify(files));
}

/** The post step: removes what the main step wrote under RUNNER_TEMP. */
export async function cleanup(): Promise<void> {
  let recorded: string[];
  try {
    recorded = JSON.parse(core.getState(STATE) || '[]') as string[];
  } catch {
    recorded = [];
  }
  for (const path of recorded) {
    await rm(path, { force: true });
    core.debug(`Removed ${path}`);
  }
  if (recorded.length > 0) core.info(`Removed ${recorded.length} file(s) the action wrote`);
}
