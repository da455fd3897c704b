import * as core from '../core.js';
import type { ModeResult, Outputs } from '../outputs.js';
import { type PlanRow, logTable } from '../summary.js';

/**
 * What every dry run reports: the plan in the log and the summary, `drift` when the plan is
 * not empty, and nothing changed. A drifting run fails only later, in main, with fail-on-drift.
 */
export function dryRunResult(options: {
  mode: string;
  outputs: Outputs;
  facts: Array<[string, string]>;
  rows: PlanRow[];
  /** Heading of the table: 'Drift' for the joining modes, 'Would remove' for removal. */
  heading: string;
  /** Said in the log and the summary when there is nothing to report. */
  inSync: string;
  next?: string;
}): ModeResult {
  const { rows } = options;
  logTable(`${options.heading}:`, rows);
  if (rows.length === 0) core.info(options.inSync);
  return {
    outputs: options.outputs,
    changed: false,
    drift: rows.length > 0,
    report: {
      title: `ocm-eks-join: ${options.mode} (dry run)`,
      facts: options.facts,
      tableTitle: rows.length > 0 ? options.heading : undefined,
      rows,
      emptyText: options.inSync,
      next: options.next,
    },
  };
}
