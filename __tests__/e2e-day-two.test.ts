import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Fleet } from '../sim/fleet.js';
import { newRunner, runAction } from '../sim/action-runner.js';

const SPOKES = [
  { name: 'spoke-a', account: '222222222222', region: 'us-east-1' },
  { name: 'spoke-b', account: '333333333333', region: 'eu-west-1' },
];
const PASSPHRASE = 'day two passphrase, long enough';
const MC = ['cluster.open-cluster-management.io/v1', 'managedclusters'] as const;
const KLUSTERLET = ['operator.open-cluster-management.io/v1', 'klusterlets', 'klusterlet'] as const;
const policy = (mode: string) => JSON.parse(readFileSync(`permissions/${mode}.json`, 'utf8'));

let fleet: Fleet;
let toolCache: string;
let apiserver: string;
let sealed: string;

async function job(mode: string, account: string, inputs: Record<string, string>) {
  fleet.aws.setPrincipalPolicy(fleet.roleFor(account), policy(mode));
  return runAction(
    { mode, 'role-to-assume': fleet.roleFor(account), ...fleet.commonInputs(), ...inputs },
    { env: fleet.jobEnv(), runner: await newRunner(toolCache) },
  );
}

const hubInputs = () => ({ 'hub-cluster-arn': fleet.hub.arn, 'token-passphrase': PASSPHRASE });
const spokeInputs = (spoke: (typeof SPOKES)[number]) => ({
  'aws-region': spoke.region,
  'hub-cluster-arn': fleet.hub.arn,
  'spoke-cluster-name': spoke.name,
  'hub-apiserver': apiserver,
  'hub-token-sealed': sealed,
  'token-passphrase': PASSPHRASE,
});
const acceptInputs = (names = SPOKES.map((spoke) => spoke.name)) => ({
  'hub-cluster-arn': fleet.hub.arn,
  'managed-cluster-name': names.join(','),
});

/** Runs every mode's dry run and returns their results; nothing may be written meanwhile. */
async function driftCheck(failOnDrift = false) {
  const dry = { 'dry-run': 'true', 'fail-on-drift': failOnDrift ? 'true' : 'false' };
  fleet.aws.resetLog();
  for (const api of fleet.apis.values()) api.resetLog();
  const results = {
    'hub-init': await job('hub-init', fleet.hub.account, { ...hubInputs(), ...dry }),
    'spoke-prepare': await Promise.all(
      SPOKES.map((spoke) => job('spoke-prepare', spoke.account, { ...spokeInputs(spoke), ...dry })),
    ),
    'spoke-join': await Promise.all(
      SPOKES.map((spoke) => job('spoke-join', spoke.account, { ...spokeInputs(spoke), ...dry })),
    ),
    accept: await job('accept', fleet.hub.account, { ...acceptInputs(), ...dry }),
  };
  expect(fleet.aws.count({ write: true })).toBe(0);
  for (const api of fleet.apis.values()) expect(api.count({ write: true })).toBe(0);
  return results;
}

beforeAll(async () => {
  fleet = await Fleet.start({ spokes: SPOKES });
  toolCache = (await newRunner()).toolCache;
  const hub = await job('hub-init', fleet.hub.account, hubInputs());
  apiserver = hub.outputs['hub-apiserver'];
  sealed = hub.outputs['hub-token-sealed'];
  for (const spoke of SPOKES) {
    expect((await job('spoke-prepare', spoke.account, spokeInputs(spoke))).code).toBe(0);
    expect((await job('spoke-join', spoke.account, spokeInputs(spoke))).code).toBe(0);
  }
  expect((await job('accept', fleet.hub.account, acceptInputs())).code).toBe(0);
}, 120_000);
afterAll(async () => fleet?.close());

describe('drift checks', () => {
  it('find no drift on a clean fleet and write nothing', async () => {
    const results = await driftCheck(true);
    for (const result of [
      results['hub-init'],
      ...results['spoke-prepare'],
      ...results['spoke-join'],
      results.accept,
    ]) {
      expect(result.errors).toEqual([]);
      expect(result.outputs).toMatchObject({ drift: 'false', changed: 'false' });
      expect(result.summary).toContain('No drift');
    }
  });

  it('report each kind of manual change as a table row', async () => {
    const manager = fleet.hubApi.get(
      'operator.open-cluster-management.io/v1',
      'clustermanagers',
      'cluster-manager',
    ) as any;
    const tampered = structuredClone(manager);
    tampered.spec.registrationConfiguration.registrationDrivers[0].awsirsa.tags = ['owner=someone'];
    fleet.hubApi.put(tampered, { reconcile: false });
    const creator = fleet.aws.role(fleet.hub.account, fleet.identityCreatorRole())!;
    fleet.aws.putRole(fleet.hub.account, {
      name: fleet.identityCreatorRole(),
      inlinePolicies: {
        'ocm-identity-creator': {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'iam:CreateRole', Resource: '*' }],
        },
      },
    });
    const spokeRole = fleet.hubRoleName(SPOKES[0]).replace('ocm-hub-', 'ocm-managed-cluster-');
    const tags = { ...fleet.aws.role(SPOKES[0].account, spokeRole)!.tags };
    delete tags.managed_cluster_name;
    fleet.aws.removeRole(SPOKES[0].account, spokeRole);
    fleet.aws.putRole(SPOKES[0].account, { name: spokeRole, trust: {}, tags });
    const klusterlet = structuredClone(fleet.spokeApi('spoke-b').get(...KLUSTERLET)) as any;
    klusterlet.spec.registrationConfiguration.registrationDriver.awsIrsa.managedClusterArn =
      'arn:aws:eks:eu-west-1:333333333333:cluster/elsewhere';
    klusterlet.status.conditions.push({
      type: 'HubConnectionDegraded',
      status: 'True',
      reason: 'BootstrapSecretError',
      message: 'failed to connect to the hub',
      lastTransitionTime: new Date().toISOString(),
    });
    fleet.spokeApi('spoke-b').put(klusterlet, { reconcile: false });
    const cluster = structuredClone(fleet.hubApi.get(...MC, 'spoke-a')) as any;
    cluster.status.conditions = cluster.status.conditions.map((c: any) =>
      c.type === 'ManagedClusterConditionAvailable'
        ? {
            ...c,
            status: 'Unknown',
            reason: 'ManagedClusterLeaseUpdateStopped',
            message: 'Registration agent stopped updating its lease.',
          }
        : c,
    );
    fleet.hubApi.put(cluster, { reconcile: false });

    const results = await driftCheck();
    expect(results['hub-init'].outputs.drift).toBe('true');
    expect(results['hub-init'].summary).toContain(
      '| ClusterManager cluster-manager | awsirsa.tags | update | owner=someone, expected none |',
    );
    expect(results['hub-init'].summary).toContain(
      `| IAM role ${fleet.identityCreatorRole()} | inline policy | update |`,
    );
    expect(results['spoke-prepare'][0].summary).toContain(
      `| IAM role ${spokeRole} | trust policy | update | differs from the expected trust policy |`,
    );
    expect(results['spoke-prepare'][0].summary).toContain(
      `| IAM role ${spokeRole} | inline policy | add | ocm-assume-hub-role is missing |`,
    );
    expect(results['spoke-prepare'][0].summary).toContain(
      `| IAM role ${spokeRole} | tag managed_cluster_name | add | missing, expected "spoke-a" |`,
    );
    expect(results['spoke-prepare'][0].outputs.drift).toBe('true');
    expect(results['spoke-prepare'][1].outputs.drift).toBe('false');
    expect(results['spoke-join'][1].summary).toContain(
      '| Klusterlet klusterlet | awsIrsa.managedClusterArn | update | arn:aws:eks:eu-west-1:333333333333:cluster/elsewhere, expected arn:aws:eks:eu-west-1:333333333333:cluster/spoke-b |',
    );
    expect(results['spoke-join'][1].summary).toContain(
      '| Klusterlet klusterlet | condition HubConnectionDegraded | degraded | True: failed to connect to the hub |',
    );
    expect(results['spoke-join'][0].outputs.drift).toBe('false');
    expect(results.accept.summary).toContain(
      '| ManagedCluster spoke-a | condition ManagedClusterConditionAvailable | Unknown | Registration agent stopped updating its lease. |',
    );

    const failing = await job('accept', fleet.hub.account, {
      ...acceptInputs(),
      'dry-run': 'true',
      'fail-on-drift': 'true',
    });
    expect(failing.code).toBe(1);
    expect(failing.errors).toEqual([
      "Drift found by the accept dry run, and 'fail-on-drift' is true: see the plan above or the job summary.",
    ]);

    // Repair: the real runs put everything back, and the check is clean again.
    fleet.aws.removeRole(SPOKES[0].account, spokeRole);
    expect(
      (await job('spoke-prepare', SPOKES[0].account, spokeInputs(SPOKES[0]))).outputs.changed,
    ).toBe('true');
    fleet.hubApi.put(manager);
    fleet.spokeApi('spoke-b').remove(...KLUSTERLET);
    expect((await job('hub-init', fleet.hub.account, hubInputs())).outputs.changed).toBe('true');
    expect(fleet.aws.role(fleet.hub.account, fleet.identityCreatorRole())!.inlinePolicies).toEqual(
      creator.inlinePolicies,
    );
    expect(
      (await job('spoke-join', SPOKES[1].account, spokeInputs(SPOKES[1]))).outputs.changed,
    ).toBe('true');
    fleet.hubApi.put({ ...cluster, status: {} });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const clean = await driftCheck(true);
    expect(clean.accept.outputs.drift).toBe('false');
    expect(clean['spoke-join'].map((run) => run.outputs.drift)).toEqual(['false', 'false']);
  });
});

describe('removal', () => {
  it('refuses spoke-unjoin while workloads from the hub remain (clusteradm would do nothing)', async () => {
    fleet.hubApi.put({
      apiVersion: 'work.open-cluster-management.io/v1',
      kind: 'ManifestWork',
      metadata: { name: 'app', namespace: 'spoke-a' },
      spec: { workload: { manifests: [] } },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const result = await job('spoke-unjoin', SPOKES[0].account, spokeInputs(SPOKES[0]));
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^The spoke still runs workloads from the hub \(AppliedManifestWorks for app\), so clusteradm unjoin would do nothing: delete those ManifestWorks in namespace spoke-a on the hub first/,
      ),
    ]);
    expect(fleet.spokeApi('spoke-a').get(...KLUSTERLET)).toBeDefined();
  });

  it('hub-detach removes the ManifestWorks, then the ManagedCluster, and waits for its finalizer', async () => {
    const result = await job('hub-detach', fleet.hub.account, acceptInputs(['spoke-a']));
    expect(result.errors).toEqual([]);
    expect(result.outputs.changed).toBe('true');
    expect(
      fleet.hubApi.get('work.open-cluster-management.io/v1', 'manifestworks', 'app', 'spoke-a'),
    ).toBeUndefined();
    expect(fleet.hubApi.get(...MC, 'spoke-a')).toBeUndefined();
    expect(fleet.aws.role(fleet.hub.account, fleet.hubRoleName(SPOKES[0]))).toBeUndefined();
    expect(fleet.aws.role(fleet.hub.account, fleet.identityCreatorRole())).toBeDefined();
    expect(result.summary).toContain(
      `| ManagedCluster spoke-a | managedcluster | remove | its finalizer deletes ${fleet.hubRoleName(SPOKES[0])} and the access entry |`,
    );
    const deletes = fleet.hubApi.requests.filter((r) => r.method === 'DELETE').map((r) => r.path);
    expect(deletes.findIndex((p) => p.includes('manifestworks/app'))).toBeLessThan(
      deletes.findIndex((p) => p.endsWith('managedclusters/spoke-a')),
    );

    const again = await job('hub-detach', fleet.hub.account, acceptInputs(['spoke-a']));
    expect(again.outputs.changed).toBe('false');
  });

  it('spoke-unjoin removes the klusterlet and, with delete-iam, the spoke role; a re-run is a no-op', async () => {
    const result = await job('spoke-unjoin', SPOKES[0].account, {
      ...spokeInputs(SPOKES[0]),
      'delete-iam': 'true',
    });
    expect(result.errors).toEqual([]);
    expect(result.outputs.changed).toBe('true');
    expect(fleet.spokeApi('spoke-a').get(...KLUSTERLET)).toBeUndefined();
    expect(
      fleet.aws.role(
        SPOKES[0].account,
        fleet.hubRoleName(SPOKES[0]).replace('ocm-hub-', 'ocm-managed-cluster-'),
      ),
    ).toBeUndefined();
    const again = await job('spoke-unjoin', SPOKES[0].account, {
      ...spokeInputs(SPOKES[0]),
      'delete-iam': 'true',
    });
    expect(again.errors).toEqual([]);
    expect(again.outputs.changed).toBe('false');
  });

  it('reports a finalizer that hangs because the identity-creator role is gone', async () => {
    const saved = fleet.aws.role(fleet.hub.account, fleet.identityCreatorRole())!;
    fleet.aws.removeRole(fleet.hub.account, fleet.identityCreatorRole());
    const result = await job('hub-detach', fleet.hub.account, {
      ...acceptInputs(['spoke-b']),
      'wait-timeout-seconds': '2',
    });
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      expect.stringContaining(
        'ManagedCluster(s) spoke-b still carry the finalizer cluster.open-cluster-management.io/api-resource-cleanup after 2 s',
      ),
    ]);
    expect(result.errors[0]).toContain(`the identity-creator role ${fleet.identityCreatorRole()}`);
    fleet.aws.putRole(fleet.hub.account, {
      name: fleet.identityCreatorRole(),
      trust: saved.trust,
      inlinePolicies: saved.inlinePolicies,
    });
  });

  it('with delete-iam, cleans the hub and deletes the identity-creator role once no cluster is left', async () => {
    const dry = await job('hub-detach', fleet.hub.account, {
      ...acceptInputs(['spoke-b']),
      'delete-iam': 'true',
      'dry-run': 'true',
    });
    expect(dry.outputs.drift).toBe('true');
    expect(dry.summary).toContain(`| IAM role ${fleet.identityCreatorRole()} | role | remove |`);
    const result = await job('hub-detach', fleet.hub.account, {
      ...acceptInputs(['spoke-b']),
      'delete-iam': 'true',
    });
    expect(result.errors).toEqual([]);
    expect(fleet.hubApi.get(...MC, 'spoke-b')).toBeUndefined();
    expect(
      fleet.hubApi.get(
        'operator.open-cluster-management.io/v1',
        'clustermanagers',
        'cluster-manager',
      ),
    ).toBeUndefined();
    expect(fleet.aws.role(fleet.hub.account, fleet.identityCreatorRole())).toBeUndefined();
    const again = await job('hub-detach', fleet.hub.account, {
      ...acceptInputs(['spoke-b']),
      'delete-iam': 'true',
    });
    expect(again.outputs.changed).toBe('false');
  });

  it('hub-init dry run on a hub that was never initialized reports it', async () => {
    const result = await job('hub-init', fleet.hub.account, { ...hubInputs(), 'dry-run': 'true' });
    expect(result.outputs.drift).toBe('true');
    expect(result.summary).toContain(
      '| ClusterManager cluster-manager | registrationConfiguration | create | the hub was never initialized |',
    );
    expect(result.summary).toContain(`| IAM role ${fleet.identityCreatorRole()} | role | create |`);
  });
});
