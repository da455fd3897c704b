// A workflow matrix over many spokes: that many spoke-prepare processes at once against one IAM
// that throttles, as a large fleet's first run meets it. Used by the benchmark and by a test.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type ActionRun, ROOT, type Runner, newRunner, runAction } from '../sim/action-runner.js';
import { Fleet, type FleetCluster } from '../sim/fleet.js';
import { removeRunners, timed } from './stats.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-west-2'];
const IAM_WRITES = ['CreateRole', 'PutRolePolicy', 'TagRole', 'UpdateAssumeRolePolicy'];

export interface MatrixOptions {
  spokes?: number;
  rateLimitPerSecond?: number;
}

export interface MatrixResult {
  spokes: number;
  rateLimitPerSecond: number;
  wallMs: number;
  /** `<spoke>: <error>` for every process that did not exit 0. */
  failures: string[];
  /** IAM calls the fake let through, and those it answered with Throttling. */
  iamCalls: number;
  throttled: number;
  awsCalls: number;
  /** `<account> <action> ×n` for every write made more than once to the same role. */
  repeatedWrites: string[];
  /** Spokes whose role did not end up with its trust policy, inline policy and four tags. */
  incompleteRoles: string[];
}

/** Each spoke in its own account, as a matrix over accounts has it; no Kubernetes API needed. */
function addSpokes(fleet: Fleet, count: number): FleetCluster[] {
  const policy = JSON.parse(readFileSync(join(ROOT, 'permissions', 'spoke-prepare.json'), 'utf8'));
  const spokes: FleetCluster[] = [];
  for (let i = 0; i < count; i++) {
    const spoke = {
      name: `spoke-${String(i).padStart(3, '0')}`,
      account: String(300_000_000_000 + i),
      region: REGIONS[i % REGIONS.length],
    };
    const id = createHash('md5').update(spoke.name).digest('hex').toUpperCase();
    const issuer = `https://oidc.eks.${spoke.region}.amazonaws.com/id/${id}`;
    fleet.aws.addAccount(spoke.account);
    fleet.aws.addCluster({ ...spoke, oidcIssuer: issuer });
    fleet.aws.addOidcProvider(spoke.account, issuer);
    const role = fleet.aws.addGithubRole(spoke.account, 'github-ocm-eks-join');
    fleet.githubRoles.set(spoke.account, role);
    fleet.aws.setPrincipalPolicy(role, policy);
    spokes.push(spoke);
  }
  return spokes;
}

function prepare(fleet: Fleet, spoke: FleetCluster, runner: Runner): Promise<ActionRun> {
  return runAction(
    {
      mode: 'spoke-prepare',
      'role-to-assume': fleet.roleFor(spoke.account),
      'aws-region': spoke.region,
      'hub-cluster-arn': fleet.hub.arn,
      'spoke-cluster-name': spoke.name,
      ...fleet.commonInputs(),
    },
    {
      runner,
      timeoutMs: 300_000,
      // The action's own backoff (200 ms base, full jitter), not the suite's zero-delay retries.
      env: { ...fleet.jobEnv(), OCM_EKS_JOIN_RETRY_BASE_MS: '200' },
    },
  );
}

/** Writes that succeeded, by account and action: one role per account here. */
function repeatedWrites(fleet: Fleet): string[] {
  const counts = new Map<string, number>();
  for (const call of fleet.aws.requests) {
    if (call.service !== 'iam' || !IAM_WRITES.includes(call.action) || call.status !== 200)
      continue;
    const key = `${call.account} ${call.action}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
}

function incompleteRoles(fleet: Fleet, spokes: FleetCluster[]): string[] {
  return spokes
    .filter((spoke) => {
      const name = fleet.hubRoleName(spoke).replace('ocm-hub-', 'ocm-managed-cluster-');
      const role = fleet.aws.role(spoke.account, name);
      return (
        !role ||
        Object.keys(role.tags).length !== 4 ||
        Object.keys(role.inlinePolicies).length !== 1 ||
        !JSON.stringify(role.trust).includes('klusterlet-work-sa')
      );
    })
    .map((spoke) => spoke.name);
}

/** Starts every spoke's spoke-prepare process together and waits for all of them. */
export async function runMatrix(options: MatrixOptions = {}): Promise<MatrixResult> {
  const count = options.spokes ?? 100;
  const rateLimitPerSecond = options.rateLimitPerSecond ?? 20;
  const fleet = await Fleet.start({ spokes: [], rateLimitPerSecond });
  const runners: Runner[] = [];
  try {
    const spokes = addSpokes(fleet, count);
    for (let i = 0; i < count; i++) runners.push(await newRunner());
    fleet.aws.resetLog();
    const { ms, value: runs } = await timed(() =>
      Promise.all(spokes.map((spoke, i) => prepare(fleet, spoke, runners[i]))),
    );
    const iam = fleet.aws.requests.filter((call) => call.service === 'iam');
    // The fake answers the rate limit with 400 Throttling; IAM's other refusals use other codes.
    const throttled = iam.filter((call) => call.status === 400).length;
    return {
      spokes: count,
      rateLimitPerSecond,
      wallMs: ms,
      failures: runs
        .map((run, i) => (run.code === 0 ? '' : `${spokes[i].name}: ${run.errors.join('; ')}`))
        .filter(Boolean),
      iamCalls: iam.length - throttled,
      throttled,
      awsCalls: fleet.aws.requests.length,
      repeatedWrites: repeatedWrites(fleet),
      incompleteRoles: incompleteRoles(fleet, spokes),
    };
  } finally {
    await removeRunners(runners);
    await fleet.close();
  }
}
