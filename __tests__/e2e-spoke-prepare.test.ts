import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { Fleet } from '../sim/fleet.js';
import { runAction } from '../sim/action-runner.js';

const SPOKE = { name: 'spoke-1', account: '222222222222', region: 'us-east-1' };
const OTHER = { name: 'spoke-2', account: '333333333333', region: 'eu-west-1' };
const POLICY = 'ocm-assume-hub-role';

let fleet: Fleet;
let roleName: string;

beforeAll(async () => {
  fleet = await Fleet.start({ spokes: [SPOKE, OTHER] });
  roleName = fleet.hubRoleName(SPOKE).replace('ocm-hub-', 'ocm-managed-cluster-');
  // Every run below works under the policy the README documents for this mode, and no more.
  const policy = JSON.parse(readFileSync('permissions/spoke-prepare.json', 'utf8'));
  for (const spoke of [SPOKE, OTHER])
    fleet.aws.setPrincipalPolicy(fleet.roleFor(spoke.account), policy);
});
afterAll(async () => fleet?.close());
beforeEach(() => {
  fleet.aws.resetLog();
  fleet.aws.clearFaults();
});

function inputs(extra: Record<string, string> = {}, spoke = SPOKE) {
  return {
    mode: 'spoke-prepare',
    'role-to-assume': fleet.roleFor(spoke.account),
    'aws-region': spoke.region,
    'hub-cluster-arn': fleet.hub.arn,
    'spoke-cluster-name': spoke.name,
    ...fleet.commonInputs(),
    ...extra,
  };
}

const run = (extra: Record<string, string> = {}, env: Record<string, string> = {}, spoke = SPOKE) =>
  runAction(inputs(extra, spoke), { env: { ...fleet.jobEnv(), ...env } });

const iamWrites = () => fleet.aws.count({ service: 'iam', write: true });
const iamReads = () => fleet.aws.count({ service: 'iam', write: false });

describe('spoke-prepare through dist/index.js', () => {
  it('creates the role with its trust policy, inline policy and tags in three IAM calls', async () => {
    const result = await run();
    expect(result.errors).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({
      changed: 'true',
      drift: 'false',
      'spoke-role-arn': `arn:aws:iam::${SPOKE.account}:role/${roleName}`,
      'managed-cluster-arn': `arn:aws:eks:${SPOKE.region}:${SPOKE.account}:cluster/${SPOKE.name}`,
      'managed-cluster-name': SPOKE.name,
    });

    const role = fleet.aws.role(SPOKE.account, roleName);
    expect(role?.tags).toEqual({
      hub_cluster_account_id: fleet.hub.account,
      hub_cluster_name: fleet.hub.name,
      managed_cluster_account_id: SPOKE.account,
      managed_cluster_name: SPOKE.name,
    });
    const statement = (role?.trust as any).Statement[0];
    expect(statement.Principal.Federated).toMatch(
      new RegExp(
        `^arn:aws:iam::${SPOKE.account}:oidc-provider/oidc\\.eks\\.us-east-1\\.amazonaws\\.com/id/`,
      ),
    );
    expect(Object.values(statement.Condition.StringEquals)).toContainEqual([
      'system:serviceaccount:open-cluster-management-agent:klusterlet-work-sa',
      'system:serviceaccount:open-cluster-management-agent:klusterlet-registration-sa',
    ]);
    expect((role?.inlinePolicies[POLICY] as any).Statement[0]).toEqual({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: `arn:aws:iam::${fleet.hub.account}:role/${fleet.hubRoleName(SPOKE)}`,
    });
    expect(fleet.aws.count({ service: 'iam' })).toBe(3);
    expect(result.summary).toContain(roleName);
    expect(result.summary).toContain('spoke-join');
  });

  it('re-runs with two IAM reads, no write, and changed=false', async () => {
    const before = fleet.aws.role(SPOKE.account, roleName);
    const result = await run();
    expect(result.code).toBe(0);
    expect(result.outputs.changed).toBe('false');
    expect(iamWrites()).toBe(0);
    expect(iamReads()).toBe(2);
    expect(fleet.aws.role(SPOKE.account, roleName)?.roleId).toBe(before?.roleId);
    expect(result.summary).toContain('already in sync');
  });

  it('repairs drift in place: trust policy, inline policy and tags, keeping the RoleId', async () => {
    const before = fleet.aws.role(SPOKE.account, roleName)!;
    fleet.aws.putRole(SPOKE.account, {
      name: roleName,
      trust: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::999999999999:root' },
            Action: 'sts:AssumeRole',
          },
        ],
      },
      inlinePolicies: {
        [POLICY]: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
        },
      },
      tags: { ...before.tags, hub_cluster_name: 'other-hub', owner: 'platform-team' },
    });

    const dry = await run({ 'dry-run': 'true' });
    expect(dry.code).toBe(0);
    expect(dry.outputs).toMatchObject({ drift: 'true', changed: 'false' });
    expect(iamWrites()).toBe(0);
    expect(dry.summary).toMatch(
      /\| IAM role ocm-managed-cluster-[0-9a-f]{32} \| trust policy \| update \|/,
    );
    expect(dry.summary).toMatch(/\| inline policy \| update \|/);
    expect(dry.summary).toMatch(
      /\| tag hub_cluster_name \| update \| "other-hub", expected "hub" \|/,
    );
    expect(dry.stdout).toContain('Drift in IAM role');

    const failing = await run({ 'dry-run': 'true', 'fail-on-drift': 'true' });
    expect(failing.code).toBe(1);
    expect(failing.errors).toHaveLength(1);
    expect(failing.errors[0]).toMatch(
      /Drift found by the spoke-prepare dry run, and 'fail-on-drift' is true/,
    );
    expect(iamWrites()).toBe(0);

    fleet.aws.resetLog();
    const repaired = await run();
    expect(repaired.outputs.changed).toBe('true');
    expect(fleet.aws.count({ service: 'iam', action: 'CreateRole' })).toBe(0);
    expect(fleet.aws.count({ service: 'iam', action: 'DeleteRole' })).toBe(0);
    const after = fleet.aws.role(SPOKE.account, roleName)!;
    expect(after.roleId).toBe(before.roleId);
    expect(after.tags).toEqual({ ...before.tags, owner: 'platform-team' });
    expect(after.trust).toEqual(before.trust);
    expect(after.inlinePolicies).toEqual(before.inlinePolicies);

    const clean = await run({ 'dry-run': 'true', 'fail-on-drift': 'true' });
    expect(clean.code).toBe(0);
    expect(clean.outputs.drift).toBe('false');
    expect(clean.summary).toContain('No drift');
  });

  it('retries throttling and 5xx, then succeeds', async () => {
    fleet.aws.removeRole(
      OTHER.account,
      fleet.hubRoleName(OTHER).replace('ocm-hub-', 'ocm-managed-cluster-'),
    );
    fleet.aws.inject({ service: 'iam', action: 'GetRole', kind: 'throttle', times: 2 });
    fleet.aws.inject({ service: 'iam', action: 'CreateRole', kind: 'server-error', times: 1 });
    fleet.aws.inject({ service: 'eks', kind: 'unavailable', times: 1 });
    const result = await run({}, {}, OTHER);
    expect(result.errors).toEqual([]);
    expect(result.outputs.changed).toBe('true');
    expect(fleet.aws.count({ service: 'iam', action: 'GetRole' })).toBe(3);
    expect(fleet.aws.count({ service: 'iam', action: 'CreateRole' })).toBe(2);
  });

  it('adopts a role another run created concurrently and converges it', async () => {
    const name = fleet.hubRoleName(OTHER).replace('ocm-hub-', 'ocm-managed-cluster-');
    fleet.aws.removeRole(OTHER.account, name);
    fleet.aws.inject({ service: 'iam', action: 'CreateRole', kind: 'concurrent-create' });
    const result = await run({}, {}, OTHER);
    expect(result.errors).toEqual([]);
    expect(result.stdout).toContain('created concurrently by another run; adopting it');
    const role = fleet.aws.role(OTHER.account, name)!;
    expect(Object.keys(role.tags)).toHaveLength(4);
    expect(Object.keys(role.inlinePolicies)).toEqual([POLICY]);
    expect(fleet.aws.count({ service: 'iam', action: 'CreateRole' })).toBe(1);
    expect(fleet.aws.count({ service: 'iam', action: 'DeleteRole' })).toBe(0);
  });

  it('does not retry AccessDenied and says which call and role', async () => {
    fleet.aws.inject({ service: 'iam', action: 'GetRole', kind: 'access-denied', times: 5 });
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^iam:GetRole on IAM role ocm-managed-cluster-[0-9a-f]{32} failed \(AccessDenied\).*needs iam:GetRole/,
    );
    expect(fleet.aws.count({ service: 'iam', action: 'GetRole' })).toBe(1);
  });

  it('explains a web identity AccessDenied with the token claims, not the token', async () => {
    const env = fleet.aws.githubEnv({ sub: 'repo:someone-else/fork:ref:refs/heads/main' });
    const result = await run({}, env);
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(
      `AssumeRoleWithWebIdentity for '${fleet.roleFor(SPOKE.account)}'`,
    );
    expect(result.errors[0]).toContain(
      "check that the role's trust policy trusts token.actions.githubusercontent.com",
    );
    expect(result.errors[0]).toContain(
      'sub "repo:someone-else/fork:ref:refs/heads/main", aud "sts.amazonaws.com"',
    );
    expect(result.errors[0]).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });

  it('says the job needs id-token: write when GitHub offers no OIDC token', async () => {
    const result = await runAction(inputs(), { env: { AWS_ENDPOINT_URL: fleet.aws.url } });
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      "GitHub did not offer an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set): give the job 'permissions: id-token: write', or set 'web-identity-token-file'.",
    ]);
    expect(fleet.aws.count()).toBe(0);
  });

  it('fails with the eksctl fix when the spoke has no IAM OIDC provider', async () => {
    const lonely = { name: 'no-oidc', account: SPOKE.account, region: SPOKE.region };
    fleet.aws.addCluster({
      ...lonely,
      oidcIssuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF',
    });
    const result = await run({ 'spoke-cluster-name': 'no-oidc' });
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain("has no IAM OIDC provider for cluster 'no-oidc'");
    expect(result.errors[0]).toContain(
      "'eksctl utils associate-iam-oidc-provider --cluster no-oidc --region us-east-1 --approve'",
    );
  });

  it('skips DescribeCluster when spoke-oidc-provider-id is given', async () => {
    const issuer = (
      fleet.aws.role(SPOKE.account, roleName)!.trust as any
    ).Statement[0].Principal.Federated.split('/id/')[1];
    const result = await run({ 'spoke-oidc-provider-id': issuer });
    expect(result.outputs.changed).toBe('false');
    expect(fleet.aws.count({ service: 'eks' })).toBe(0);
  });

  it('names a missing spoke cluster and the inputs to check', async () => {
    const result = await run({ 'spoke-cluster-name': 'absent' });
    expect(result.errors).toEqual([
      "EKS cluster 'absent' was not found in region us-east-1 of this account (eks:DescribeCluster): check 'spoke-cluster-name' and 'aws-region'.",
    ]);
  });

  it.each([
    [
      'hub-cluster-arn',
      'arn:aws-cn:eks:cn-north-1:123456789012:cluster/hub',
      /^Input 'hub-cluster-arn' uses partition "aws-cn"/,
    ],
    [
      'hub-cluster-arn',
      'arn:aws:eks:us-west-2:111111111111:cluster/a-hub-name-that-is-much-too-long',
      /^Input 'hub-cluster-arn' names hub cluster .* at most 31 characters\.$/,
    ],
    [
      'spoke-cluster-name',
      'bad_name',
      /^Input 'spoke-cluster-name' holds EKS cluster name "bad_name" with '_'/,
    ],
    [
      'managed-cluster-name',
      'Not-A-Label',
      /^Input 'managed-cluster-name' holds "Not-A-Label", which is not a DNS label/,
    ],
    [
      'hub-cluster-arn',
      'arn:aws:eks:us-west-2:11111:cluster/hub',
      /^Input 'hub-cluster-arn' has account ID "11111", which is not 12 digits/,
    ],
    [
      'role-duration-seconds',
      '60',
      /^Input 'role-duration-seconds' is "60"; expected a whole number of seconds from 900 to 43200\.$/,
    ],
  ])('refuses %s=%s before any AWS call, with one annotation', async (name, value, message) => {
    const result = await run({ [name]: value });
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(message);
    expect(fleet.aws.count()).toBe(0);
  });
});
