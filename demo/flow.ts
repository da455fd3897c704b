// The workflow the demo plays: join three spokes, check the fleet for drift, repair a hand edit,
// then take one spoke out again.
import type { ActionRun } from '../sim/action-runner.js';
import type { FleetCluster } from '../sim/fleet.js';
import { UnexpectedResult, type Workflow } from './workflow.js';

export const SPOKES: FleetCluster[] = [
  { name: 'spoke-a', account: '222222222222', region: 'us-east-1' },
  { name: 'spoke-b', account: '333333333333', region: 'eu-west-1' },
  { name: 'spoke-c', account: '444444444444', region: 'ap-southeast-2' },
];

// Stands in for the OCM_TOKEN_PASSPHRASE repository secret of the README's workflow.
const PASSPHRASE = 'correct horse battery staple';

function hubInputs(w: Workflow): Record<string, string> {
  return { 'hub-cluster-arn': w.fleet.hub.arn, 'token-passphrase': PASSPHRASE };
}

function spokeInputs(w: Workflow, spoke: FleetCluster): Record<string, string> {
  return {
    'aws-region': spoke.region,
    'hub-cluster-arn': w.fleet.hub.arn,
    'spoke-cluster-name': spoke.name,
  };
}

function joinInputs(w: Workflow, spoke: FleetCluster, hub: ActionRun): Record<string, string> {
  return {
    ...spokeInputs(w, spoke),
    'hub-apiserver': hub.outputs['hub-apiserver'],
    'hub-token-sealed': hub.outputs['hub-token-sealed'],
    'token-passphrase': PASSPHRASE,
  };
}

function acceptInputs(w: Workflow, spokes: FleetCluster[]): Record<string, string> {
  return {
    'hub-cluster-arn': w.fleet.hub.arn,
    'managed-cluster-name': spokes.map((spoke) => spoke.name).join('\n'),
    'verify-workload': 'true',
  };
}

const DRY = { 'dry-run': 'true', 'fail-on-drift': 'true' };

/** hub-init, then one job per spoke (prepare twice, join), then accept: returns hub-init's run. */
export async function joinFleet(w: Workflow): Promise<ActionRun> {
  w.say('Workflow "join fleet": hub-init, a matrix job per spoke, then accept.');
  const hubJob = await w.job('hub-init', w.fleet.hub.account);
  const hub = await w.step(
    hubJob,
    'hub-init',
    { mode: 'hub-init', ...hubInputs(w) },
    {
      changed: true,
    },
  );

  for (const spoke of SPOKES) {
    const job = await w.job(spoke.name, spoke.account);
    const prepare = { mode: 'spoke-prepare', ...spokeInputs(w, spoke) };
    await w.step(job, 'spoke-prepare', prepare, { changed: true });
    await w.step(job, 'spoke-prepare (again: nothing to do)', prepare, { changed: false });
    await w.step(
      job,
      'spoke-join',
      { mode: 'spoke-join', ...joinInputs(w, spoke, hub) },
      { changed: true },
    );
  }

  const accept = await w.job('accept', w.fleet.hub.account);
  await w.step(accept, 'accept', { mode: 'accept', ...acceptInputs(w, SPOKES) }, { changed: true });
  return hub;
}

/** The scheduled drift check: every job of the workflow again, with dry-run and fail-on-drift. */
export async function checkDrift(w: Workflow, hub: ActionRun): Promise<void> {
  w.say('Workflow "drift check" (on: schedule): the same jobs with dry-run and fail-on-drift.');
  const hubJob = await w.job('drift-hub-init', w.fleet.hub.account);
  await w.step(
    hubJob,
    'hub-init dry run',
    { mode: 'hub-init', ...hubInputs(w), ...DRY },
    {
      drift: false,
    },
  );
  for (const spoke of SPOKES) {
    const job = await w.job(`drift-${spoke.name}`, spoke.account);
    const prepare = { mode: 'spoke-prepare', ...spokeInputs(w, spoke), ...DRY };
    await w.step(job, 'spoke-prepare dry run', prepare, { drift: false });
    const join = { mode: 'spoke-join', ...joinInputs(w, spoke, hub), ...DRY };
    await w.step(job, 'spoke-join dry run', join, { drift: false });
  }
  const accept = await w.job('drift-accept', w.fleet.hub.account);
  await w.step(
    accept,
    'accept dry run',
    { mode: 'accept', ...acceptInputs(w, SPOKES), ...DRY },
    {
      drift: false,
    },
  );
}

/** Someone edits a spoke role's trust policy by hand; the check finds it, spoke-prepare mends it. */
export async function repairDrift(w: Workflow): Promise<void> {
  const spoke = SPOKES[1];
  const roleName = w.fleet.hubRoleName(spoke).replace('ocm-hub-', 'ocm-managed-cluster-');
  const role = w.fleet.aws.role(spoke.account, roleName);
  if (!role) throw new UnexpectedResult(`IAM role ${roleName} is missing in ${spoke.account}`);
  const trust = structuredClone(role.trust) as {
    Statement: Array<{ Condition: { StringEquals: Record<string, unknown> } }>;
  };
  const conditions = trust.Statement[0].Condition.StringEquals;
  const sub = Object.keys(conditions).find((key) => key.endsWith(':sub')) as string;
  conditions[sub] =
    'system:serviceaccount:open-cluster-management-agent:klusterlet-registration-sa';
  w.fleet.aws.putRole(spoke.account, { name: roleName, trust });
  w.say(
    `Someone edits the trust policy of ${roleName} in account ${spoke.account} by hand,\n` +
      'dropping klusterlet-work-sa; the next scheduled check runs.',
  );

  const job = await w.job(`drift-${spoke.name}`, spoke.account);
  const prepare = { mode: 'spoke-prepare', ...spokeInputs(w, spoke) };
  const row = /\| IAM role ocm-managed-cluster-\w+ \| trust policy \| update \|/;
  await w.step(
    job,
    'spoke-prepare dry run',
    { ...prepare, 'dry-run': 'true' },
    {
      drift: true,
      summary: row,
    },
  );
  await w.step(
    job,
    'spoke-prepare dry run, fail-on-drift',
    { ...prepare, ...DRY },
    {
      code: 1,
      drift: true,
    },
  );

  w.say('The repair is the same job without dry-run; the role keeps its RoleId.');
  const repair = await w.job(spoke.name, spoke.account);
  await w.step(repair, 'spoke-prepare', prepare, { changed: true });
  await w.step(
    repair,
    'spoke-prepare dry run, fail-on-drift',
    { ...prepare, ...DRY },
    {
      drift: false,
    },
  );
  const after = w.fleet.aws.role(spoke.account, roleName);
  if (after?.roleId !== role.roleId) {
    throw new UnexpectedResult(`IAM role ${roleName} was replaced instead of repaired in place`);
  }
}

/** Takes the last spoke out: hub-detach on the hub, then spoke-unjoin with delete-iam. */
export async function removeSpoke(w: Workflow): Promise<void> {
  const spoke = SPOKES[2];
  w.say(`Workflow "remove ${spoke.name}": hub-detach on the hub, then spoke-unjoin on the spoke.`);
  const hubJob = await w.job('hub-detach', w.fleet.hub.account);
  const detach = {
    mode: 'hub-detach',
    'hub-cluster-arn': w.fleet.hub.arn,
    'managed-cluster-name': spoke.name,
  };
  await w.step(hubJob, 'hub-detach', detach, { changed: true });
  await w.step(hubJob, 'hub-detach (again: nothing to do)', detach, { changed: false });

  const job = await w.job(spoke.name, spoke.account);
  const unjoin = { mode: 'spoke-unjoin', ...spokeInputs(w, spoke), 'delete-iam': 'true' };
  await w.step(job, 'spoke-unjoin', unjoin, { changed: true });
  await w.step(job, 'spoke-unjoin (again: nothing to do)', unjoin, { changed: false });

  const roleName = w.fleet.hubRoleName(spoke).replace('ocm-hub-', 'ocm-managed-cluster-');
  const left = [
    w.fleet.aws.role(spoke.account, roleName) && `IAM role ${roleName}`,
    w.fleet.aws.role(w.fleet.hub.account, w.fleet.hubRoleName(spoke)) && 'its ocm-hub-* role',
  ].filter(Boolean);
  if (left.length) throw new UnexpectedResult(`${spoke.name} left behind ${left.join(', ')}`);

  w.say('The two spokes that stay are still in sync.');
  const check = await w.job('drift-accept', w.fleet.hub.account);
  const rest = { mode: 'accept', ...acceptInputs(w, SPOKES.slice(0, 2)), ...DRY };
  await w.step(check, 'accept dry run', rest, { drift: false });
}
