// Start-up cost, bundle size and AWS calls of spoke-prepare, the mode every matrix job runs.
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { type ActionRun, ROOT, type Runner, newRunner, runAction } from '../sim/action-runner.js';
import type { Fleet, FleetCluster } from '../sim/fleet.js';
import { type Table, kib, median, ms, removeRunners, timeNode, timed } from './stats.js';

const DIST = join(ROOT, 'dist');

/** Runs spoke-prepare for `spoke` in a fresh runner, as one matrix job does. */
export async function spokePrepare(
  fleet: Fleet,
  spoke: FleetCluster,
  runners: Runner[],
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const runner = await newRunner();
  runners.push(runner);
  const run = await runAction(
    {
      mode: 'spoke-prepare',
      'role-to-assume': fleet.roleFor(spoke.account),
      'aws-region': spoke.region,
      'hub-cluster-arn': fleet.hub.arn,
      'spoke-cluster-name': spoke.name,
      ...fleet.commonInputs(),
    },
    { env: { ...fleet.jobEnv(), ...env }, runner },
  );
  if (run.code !== 0) throw new Error(`spoke-prepare failed: ${run.errors.join('; ')}`);
  return run;
}

/** Hooks that record every module file the action's process loads, in a log file. */
const HOOKS = `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(log, url + '\\n');
  return next(url, context);
}
`;
const REGISTER = `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url, { data: { log: process.env.BENCH_LOADED_LOG } });
`;

/** The files under dist/ that one in-sync spoke-prepare run loads, with their sizes. */
async function loadedByRun(fleet: Fleet, spoke: FleetCluster, runners: Runner[]) {
  const dir = await mkdtemp(join(tmpdir(), 'ocm-eks-join-bench-hooks-'));
  try {
    await writeFile(join(dir, 'hooks.mjs'), HOOKS);
    await writeFile(join(dir, 'register.mjs'), REGISTER);
    const log = join(dir, 'loaded.log');
    await writeFile(log, '');
    await spokePrepare(fleet, spoke, runners, {
      NODE_OPTIONS: `--import ${join(dir, 'register.mjs')}`,
      BENCH_LOADED_LOG: log,
    });
    const files = [...new Set((await readFile(log, 'utf8')).split('\n').filter(Boolean))]
      .map((url) => fileURLToPath(url))
      .filter((path) => path.startsWith(`${DIST}/`));
    const sizes = await Promise.all(files.map(async (path) => (await stat(path)).size));
    return { files, bytes: sizes.reduce((sum, size) => sum + size, 0) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Start-up overhead, bundle sizes and AWS calls per run, as rows of `table`. */
export async function measureSpokePrepare(
  fleet: Fleet,
  spoke: FleetCluster,
  table: Table,
  runs = 7,
): Promise<void> {
  const runners: Runner[] = [];
  const roleName = fleet.hubRoleName(spoke).replace('ocm-hub-', 'ocm-managed-cluster-');

  table.section('AWS calls per spoke-prepare run');
  fleet.aws.removeRole(spoke.account, roleName);
  fleet.aws.resetLog();
  await spokePrepare(fleet, spoke, runners);
  const iam = fleet.aws.count({ service: 'iam' });
  table.row('first run: IAM calls', String(iam), 'aim: at most 3');
  table.row(
    'first run: all AWS calls',
    String(fleet.aws.count()),
    `STS ${fleet.aws.count({ service: 'sts' })}, EKS ${fleet.aws.count({ service: 'eks' })}`,
  );
  fleet.aws.resetLog();
  await spokePrepare(fleet, spoke, runners);
  const reads = fleet.aws.count({ service: 'iam', write: false });
  const writes = fleet.aws.count({ service: 'iam', write: true });
  table.row('re-run: IAM reads / writes', `${reads} / ${writes}`, 'aim: at most 2 / 0');
  table.row('re-run: all AWS calls', String(fleet.aws.count()));

  table.section(`Start-up (median of ${runs} runs)`);
  const action: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    action.push((await timed(() => spokePrepare(fleet, spoke, runners))).ms);
    bare.push(await timeNode(['-e', '0']));
  }
  const overhead = median(action) - median(bare);
  table.row('in-sync spoke-prepare', ms(median(action)), 'dist/index.js, local AWS');
  table.row('node -e 0', ms(median(bare)));
  table.row('start-up overhead', ms(overhead), 'aim: under 200 ms');

  table.section('Bundle');
  const chunks = (await readdir(DIST)).filter((name) => name.endsWith('.js'));
  const sizes = await Promise.all(chunks.map(async (name) => (await stat(join(DIST, name))).size));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const entry = (await stat(join(DIST, 'index.js'))).size;
  table.row('dist/index.js', kib(entry));
  table.row('dist/*.js', kib(total), `${chunks.length} files`);
  const loaded = await loadedByRun(fleet, spoke, runners);
  table.row(
    'loaded by spoke-prepare',
    kib(loaded.bytes),
    `${Math.round((100 * loaded.bytes) / total)}% of dist/*.js; ` +
      loaded.files.map((file) => file.slice(DIST.length + 1)).join(', '),
  );
  await removeRunners(runners);
}
