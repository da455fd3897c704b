// `npm run demo`: the whole workflow, step by step, against the local simulation of AWS and of
// the hub and spoke clusters. No AWS account is needed, and nothing outside 127.0.0.1 is used.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

import { ACTION } from '../sim/action-runner.js';
import { Fleet } from '../sim/fleet.js';
import { SPOKES, checkDrift, joinFleet, removeSpoke, repairDrift } from './flow.js';
import { UnexpectedResult, Workflow } from './workflow.js';

/** Plays the demo, printing through `out`; resolves to true when every step went as expected. */
export async function main(out: (line: string) => void = console.log): Promise<boolean> {
  if (!existsSync(ACTION)) {
    out(`demo: ${ACTION} is missing; build it with 'npm run build' first.`);
    return false;
  }
  const started = Date.now();
  const fleet = await Fleet.start({ spokes: SPOKES });
  out(`Local fleet on 127.0.0.1: fake AWS at ${fleet.aws.url}`);
  out(`  hub      ${fleet.hub.arn}`);
  for (const spoke of fleet.spokes) out(`  spoke    ${spoke.arn}`);
  out('Each step below runs dist/index.js in its own process, as a GitHub runner does.');

  const workflow = new Workflow(fleet, out);
  let failure: unknown;
  try {
    const hub = await joinFleet(workflow);
    await checkDrift(workflow, hub);
    await repairDrift(workflow);
    await removeSpoke(workflow);
  } catch (error) {
    failure = error;
  } finally {
    await workflow.cleanup();
    await fleet.close();
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  out('');
  if (failure === undefined) {
    out(`demo passed: all ${workflow.steps} steps ended as expected in ${seconds} s`);
    return true;
  }
  const reason = failure instanceof UnexpectedResult ? failure.message : String(failure);
  out(`demo FAILED after ${workflow.steps} steps in ${seconds} s: ${reason}`);
  return false;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = (await main()) ? 0 : 1;
}
