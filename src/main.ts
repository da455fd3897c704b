import * as core from './core.js';

import { ActionError, messageOf } from './errors.js';
import { type Config, type Mode, readConfig } from './inputs.js';
import type { ModeResult } from './outputs.js';
import { writeReport } from './summary.js';
import { accept } from './modes/accept.js';
import { hubDetach } from './modes/hub-detach.js';
import { hubInit } from './modes/hub-init.js';
import { spokeJoin } from './modes/spoke-join.js';
import { spokePrepare } from './modes/spoke-prepare.js';
import { spokeUnjoin } from './modes/spoke-unjoin.js';

type ModeRunner = (config: Config) => Promise<ModeResult>;

const MODE_RUNNERS: Record<Mode, ModeRunner> = {
  'spoke-prepare': spokePrepare,
  'hub-init': hubInit,
  'spoke-join': spokeJoin,
  accept,
  'spoke-unjoin': spokeUnjoin,
  'hub-detach': hubDetach,
};

/** Reads the inputs, runs the chosen mode, reports its outputs, and fails with one annotation. */
export async function run(): Promise<void> {
  try {
    const config = readConfig();
    core.info(`ocm-eks-join ${config.mode}${config.dryRun ? ' (dry run)' : ''}`);

    const runner = MODE_RUNNERS[config.mode];
    const result = await runner(config);

    for (const [name, value] of Object.entries(result.outputs)) {
      if (value !== undefined) core.setOutput(name, value);
    }
    core.setOutput('changed', result.changed ? 'true' : 'false');
    core.setOutput('drift', result.drift ? 'true' : 'false');
    writeReport(result.report);

    if (config.dryRun && result.drift && config.failOnDrift) {
      core.setFailed(
        `Drift found by the ${config.mode} dry run, and 'fail-on-drift' is true: see the plan above or the job summary.`,
      );
    }
  } catch (error) {
    core.debug(error instanceof Error && error.stack ? error.stack : String(error));
    const cause = (error as { cause?: unknown }).cause;
    if (cause !== undefined) core.debug(`Cause: ${messageOf(cause)}`);
    core.setFailed(
      error instanceof ActionError ? error.message : `Unexpected error: ${messageOf(error)}`,
    );
  }
}
