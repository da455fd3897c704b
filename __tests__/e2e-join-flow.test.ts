import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Fleet } from '../sim/fleet.js';
import { type ActionRun, type Runner, newRunner, runAction } from '../sim/action-runner.js';
import { expectNoLeak } from './helpers/secrets.js';

const SPOKES = [
  { name: 'spoke-a', account: '222222222222', region: 'us-east-1' },
  { name: 'spoke-b', account: '333333333333', region: 'eu-west-1' },
];
const PASSPHRASE = 'correct horse battery staple';
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!hasKubectl)
  console.warn('kubectl is not installed: skipping the check of our kubeconfig with a real client');
const policy = (mode: string) => JSON.parse(readFileSync(`permissions/${mode}.json`, 'utf8'));

let fleet: Fleet;
let toolCache: string;
let hub: ActionRun;
const runs: ActionRun[] = [];

beforeAll(async () => {
  fleet = await Fleet.start({ spokes: SPOKES, tokenPrefix: 'RECOGNISABLEBOOTSTRAP' });
  toolCache = (await newRunner()).toolCache;
});
afterAll(async () => fleet?.close());

async function job(
  mode: string,
  account: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  runner?: Runner,
) {
  // Each run works under the documented policy of its mode.
  fleet.aws.setPrincipalPolicy(fleet.roleFor(account), policy(mode));
  const result = await runAction(
    { mode, 'role-to-assume': fleet.roleFor(account), ...fleet.commonInputs(), ...inputs },
    { env: { ...fleet.jobEnv(), ...env }, runner: runner ?? (await newRunner(toolCache)) },
  );
  runs.push(result);
  return result;
}

const hubInit = (extra: Record<string, string> = {}, env: Record<string, string> = {}) =>
  job(
    'hub-init',
    fleet.hub.account,
    { 'hub-cluster-arn': fleet.hub.arn, 'token-passphrase': PASSPHRASE, ...extra },
    env,
  );

function spokeInputs(spoke: (typeof SPOKES)[number], extra: Record<string, string> = {}) {
  return {
    'aws-region': spoke.region,
    'hub-cluster-arn': fleet.hub.arn,
    'spoke-cluster-name': spoke.name,
    ...extra,
  };
}

const spokeJoin = (
  spoke: (typeof SPOKES)[number],
  extra: Record<string, string> = {},
  env: Record<string, string> = {},
) =>
  job(
    'spoke-join',
    spoke.account,
    spokeInputs(spoke, {
      'hub-apiserver': hub.outputs['hub-apiserver'],
      'hub-token-sealed': hub.outputs['hub-token-sealed'],
      'token-passphrase': PASSPHRASE,
      ...extra,
    }),
    env,
  );

describe('the join flow through dist/index.js', () => {
  it('hub-init creates the identity-creator role, initializes the hub and seals a token', async () => {
    hub = await hubInit({ 'auto-approved-arn-patterns': '', 'aws-resource-tags': 'team=platform' });
    expect(hub.errors).toEqual([]);
    expect(hub.code).toBe(0);
    const token = hub.outputs['hub-token'];
    expect(token).toContain('RECOGNISABLEBOOTSTRAP');
    expect(hub.masks).toContain(token);
    expect(hub.outputs).toMatchObject({
      changed: 'true',
      drift: 'false',
      'hub-cluster-arn': fleet.hub.arn,
      'hub-apiserver': fleet.hubApi.url,
      'identity-creator-role-arn': `arn:aws:iam::${fleet.hub.account}:role/hub_managed-cluster-identity-creator`,
      'clusteradm-version': '1.3.1',
    });
    expect(hub.outputs['hub-token-sealed']).toMatch(/^ocm-seal-v1\./);
    const expires = Date.parse(hub.outputs['hub-token-expires-at']);
    expect(expires - Date.now()).toBeGreaterThan(3500_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(3600_000);

    const role = fleet.aws.role(fleet.hub.account, fleet.identityCreatorRole())!;
    expect(JSON.stringify(role.trust)).toContain(
      'system:serviceaccount:open-cluster-management-hub:registration-controller-sa',
    );
    expect(JSON.stringify(role.inlinePolicies)).toContain(
      `arn:aws:iam::${fleet.hub.account}:role/ocm-hub-*`,
    );
    const manager = fleet.hubApi.get(
      'operator.open-cluster-management.io/v1',
      'clustermanagers',
      'cluster-manager',
    ) as any;
    expect(manager.spec.registrationConfiguration.registrationDrivers[0]).toMatchObject({
      authType: 'awsirsa',
      awsirsa: { hubClusterArn: fleet.hub.arn, tags: ['team=platform'] },
    });
    expect(hub.stdout).toContain('Hub initialized');
    expect(hub.summary).toContain('hub-token-sealed');
    await expectNoLeak(hub, token);
  });

  it.skipIf(!hasKubectl)(
    'lets kubectl use the kubeconfig and exec plugin hub-init wrote',
    async () => {
      // Asynchronous: the simulated hub lives in this process and must keep answering.
      const result = await promisify(execFile)(
        'kubectl',
        ['--kubeconfig', hub.outputs.kubeconfig, 'get', 'clustermanagers', '-o', 'json'],
        {
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            ...fleet.aws.env(fleet.hub.account, fleet.hub.region),
          },
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout).items.map((item: any) => item.metadata.name)).toEqual([
        'cluster-manager',
      ]);
      const config = JSON.parse(readFileSync(hub.outputs.kubeconfig, 'utf8'));
      expect(config['current-context']).toBe(fleet.hub.arn);
      expect(JSON.stringify(config)).not.toMatch(/AKIA|ASIA|aws_secret|SecretAccessKey/i);
    },
  );

  it('hub-init again changes nothing and skips clusteradm init', async () => {
    fleet.aws.resetLog();
    const again = await hubInit({ 'aws-resource-tags': 'team=platform' });
    expect(again.code).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(fleet.aws.count({ write: true })).toBe(0);
    expect(again.stdout).toContain('clusteradm init skipped');
    expect(again.outputs['hub-token']).not.toBe(hub.outputs['hub-token']);
    await expectNoLeak(again, again.outputs['hub-token']);
  });

  it('spoke-prepare and spoke-join join each spoke with the sealed token', async () => {
    for (const spoke of SPOKES) {
      const prepared = await job('spoke-prepare', spoke.account, spokeInputs(spoke));
      expect(prepared.errors).toEqual([]);
      const joined = await spokeJoin(spoke);
      expect(joined.errors).toEqual([]);
      expect(joined.code).toBe(0);
      expect(joined.outputs).toMatchObject({
        changed: 'true',
        'managed-cluster-name': spoke.name,
        'managed-cluster-arn': `arn:aws:eks:${spoke.region}:${spoke.account}:cluster/${spoke.name}`,
      });
      const klusterlet = fleet
        .spokeApi(spoke.name)
        .get('operator.open-cluster-management.io/v1', 'klusterlets', 'klusterlet') as any;
      expect(klusterlet.spec.registrationConfiguration.registrationDriver.awsIrsa).toEqual({
        hubClusterArn: fleet.hub.arn,
        managedClusterArn: joined.outputs['managed-cluster-arn'],
      });
      expect(klusterlet.spec.deployOption.mode).toBe('Singleton');
      expect(
        fleet.hubApi.get('cluster.open-cluster-management.io/v1', 'managedclusters', spoke.name),
      ).toBeDefined();
      expect(joined.summary).toContain('mode: accept');
      await expectNoLeak(joined, hub.outputs['hub-token'], []);
    }
  });

  it('spoke-join again skips clusteradm join and reports changed=false', async () => {
    const again = await spokeJoin(SPOKES[0]);
    expect(again.code).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(again.stdout).toContain('clusteradm join skipped');
  });

  it('accept accepts both clusters and waits until they are available', async () => {
    const accepted = await job('accept', fleet.hub.account, {
      'hub-cluster-arn': fleet.hub.arn,
      'managed-cluster-name': SPOKES.map((s) => s.name).join('\n'),
      'verify-workload': 'true',
    });
    expect(accepted.errors).toEqual([]);
    expect(accepted.outputs.changed).toBe('true');
    for (const spoke of SPOKES) {
      const cluster = fleet.hubApi.get(
        'cluster.open-cluster-management.io/v1',
        'managedclusters',
        spoke.name,
      ) as any;
      const conditions = Object.fromEntries(
        cluster.status.conditions.map((c: any) => [c.type, c.status]),
      );
      expect(conditions).toMatchObject({
        HubAcceptedManagedCluster: 'True',
        ManagedClusterConditionAvailable: 'True',
      });
      expect(fleet.aws.role(fleet.hub.account, fleet.hubRoleName(spoke))).toBeDefined();
      expect(
        fleet.hubApi.get(
          'work.open-cluster-management.io/v1',
          'manifestworks',
          'ocm-eks-join-verify',
          spoke.name,
        ),
      ).toBeUndefined();
    }
    expect(accepted.summary).toContain('Workload round trip');

    const again = await job('accept', fleet.hub.account, {
      'hub-cluster-arn': fleet.hub.arn,
      'managed-cluster-name': 'spoke-a,spoke-b',
    });
    expect(again.outputs.changed).toBe('false');
    expect(again.stdout).toContain('clusteradm accept skipped');
  });

  it('mints a fresh token with hub-role-to-assume instead of a sealed one', async () => {
    fleet
      .spokeApi('spoke-b')
      .remove('operator.open-cluster-management.io/v1', 'klusterlets', 'klusterlet');
    fleet.aws.setPrincipalPolicy(fleet.roleFor(fleet.hub.account), policy('accept'));
    const minted = await job(
      'spoke-join',
      SPOKES[1].account,
      spokeInputs(SPOKES[1], {
        'hub-apiserver': hub.outputs['hub-apiserver'],
        'hub-role-to-assume': fleet.roleFor(fleet.hub.account),
      }),
    );
    expect(minted.errors).toEqual([]);
    expect(minted.outputs.changed).toBe('true');
    expect(minted.stdout).toContain('Minted a bootstrap token from hub hub');
    const masked = [
      ...new Set(minted.masks.filter((value) => value.includes('RECOGNISABLEBOOTSTRAP'))),
    ];
    expect(masked).toHaveLength(1);
    await expectNoLeak(minted, masked[0], []);
  });

  it('never shows a bootstrap token in clear anywhere but the hub-token output', async () => {
    const tokens = new Set(
      runs.flatMap((run) => run.masks.filter((value) => value.includes('RECOGNISABLEBOOTSTRAP'))),
    );
    expect(tokens.size).toBeGreaterThanOrEqual(3);
    for (const run of runs) for (const token of tokens) await expectNoLeak(run, token);
  });
});

describe('join flow errors', () => {
  const fresh = { name: 'spoke-c', account: '222222222222', region: 'us-east-1' };

  it('refuses a wrong passphrase before anything else', async () => {
    fleet.aws.resetLog();
    const result = await spokeJoin(SPOKES[0], { 'token-passphrase': 'not the passphrase at all' });
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^Input 'hub-token-sealed' could not be opened: the passphrase is wrong, the value was altered, or it was sealed for another hub-apiserver/,
      ),
    ]);
    expect(fleet.aws.count()).toBe(0);
  });

  it('refuses an altered sealed token', async () => {
    const sealed = hub.outputs['hub-token-sealed'];
    const flipped = sealed.slice(0, 40) + (sealed[40] === 'A' ? 'B' : 'A') + sealed.slice(41);
    const result = await spokeJoin(SPOKES[0], { 'hub-token-sealed': flipped });
    expect(result.code).toBe(1);
    expect(result.errors[0]).toMatch(/^Input 'hub-token-sealed'/);
  });

  it('refuses an expired token with a hint', async () => {
    fleet
      .spokeApi('spoke-a')
      .remove('operator.open-cluster-management.io/v1', 'klusterlets', 'klusterlet');
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'system:serviceaccount:open-cluster-management:agent-registration-bootstrap',
        exp: Math.floor(Date.now() / 1000) - 60,
      }),
    ).toString('base64url');
    const expired = `eyJhbGciOiJSUzI1NiJ9.${payload}.RECOGNISABLEBOOTSTRAPexpired`;
    const result = await spokeJoin(SPOKES[0], { 'hub-token-sealed': '', 'hub-token': expired });
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^The bootstrap token in 'hub-token' expired at .*re-run the hub-init job for a fresh one, or set 'hub-role-to-assume'/,
    );
    await expectNoLeak(result, expired, []);
  });

  it('says to run spoke-prepare first when the spoke role is missing', async () => {
    fleet.aws.addCluster({ ...fresh });
    const result = await spokeJoin(fresh);
    expect(result.code).toBe(1);
    expect(result.errors[0]).toMatch(
      /^IAM role ocm-managed-cluster-[0-9a-f]{32} does not exist in account 222222222222: run this action with 'mode: spoke-prepare'/,
    );
  });

  it("ends with clusteradm's own error lines when it fails", async () => {
    const result = await spokeJoin(SPOKES[0], {}, { FAKE_CLUSTERADM_CRASH: 'join' });
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^clusteradm join failed \(exit 2\): /);
    await expectNoLeak(result, hub.outputs['hub-token'], []);
  });

  it('surfaces HubAcceptedManagedCluster=False with the hub message', async () => {
    fleet.hubApi.failAccept(
      'spoke-a',
      'AccessDenied: not authorized to perform iam:CreateRole on ocm-hub-x',
    );
    fleet.hubApi.put({
      ...(fleet.hubApi.get(
        'cluster.open-cluster-management.io/v1',
        'managedclusters',
        'spoke-a',
      ) as any),
      spec: { hubAcceptsClient: false },
      status: {},
    });
    const result = await job('accept', fleet.hub.account, {
      'hub-cluster-arn': fleet.hub.arn,
      'managed-cluster-name': 'spoke-a',
    });
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      expect.stringContaining(
        'The hub did not accept ManagedCluster spoke-a: HubAcceptedManagedCluster=False (Error): AccessDenied: not authorized to perform iam:CreateRole on ocm-hub-x',
      ),
    ]);
    fleet.hubApi.failAccept('spoke-a', null);
  });

  it('fails a download whose digest does not match and caches nothing', async () => {
    fleet.releases.tamper('clusteradm_linux_amd64.tar.gz');
    const runner = await newRunner();
    const result = await job(
      'accept',
      fleet.hub.account,
      { 'hub-cluster-arn': fleet.hub.arn, 'managed-cluster-name': 'spoke-b' },
      {},
      runner,
    );
    fleet.releases.reset();
    expect(result.code).toBe(1);
    expect(result.errors[0]).toMatch(
      /^The archive of clusteradm 1\.3\.1 for linux\/x64 from http:\/\/127\.0\.0\.1:\d+\/download\/v1\.3\.1\/clusteradm_linux_amd64\.tar\.gz has SHA-256 [0-9a-f]{64}, expected [0-9a-f]{64}/,
    );
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(runner.toolCache)).toEqual([]);
  });
});
