import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { newRunner, runAction } from '../sim/action-runner.js';
import { Fleet } from '../sim/fleet.js';

const SPOKES = [
  { name: 'prod-1', account: '222222222222', region: 'us-east-1' },
  { name: 'dev-1', account: '333333333333', region: 'us-east-1' },
];
const MC = ['cluster.open-cluster-management.io/v1', 'managedclusters'] as const;
const policy = (mode: string) => JSON.parse(readFileSync(`permissions/${mode}.json`, 'utf8'));

let fleet: Fleet;
let toolCache: string;

async function job(mode: string, account: string, inputs: Record<string, string>) {
  fleet.aws.setPrincipalPolicy(fleet.roleFor(account), policy(mode));
  return runAction(
    { mode, 'role-to-assume': fleet.roleFor(account), ...fleet.commonInputs(), ...inputs },
    { env: fleet.jobEnv(), runner: await newRunner(toolCache) },
  );
}

beforeAll(async () => {
  fleet = await Fleet.start({
    hub: { name: 'fleet-hub', account: '111111111111', region: 'us-west-2' },
    spokes: SPOKES,
  });
  toolCache = (await newRunner()).toolCache;
});
afterAll(async () => fleet?.close());

describe('hub-init options', () => {
  it('refuses a hub whose authentication mode has no access entries, with the fix', async () => {
    fleet.aws.addCluster({
      name: 'legacy-hub',
      account: '111111111111',
      region: 'us-west-2',
      authenticationMode: 'CONFIG_MAP',
    });
    const result = await job('hub-init', fleet.hub.account, {
      'hub-cluster-name': 'legacy-hub',
      'aws-region': 'us-west-2',
    });
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      "Hub cluster 'legacy-hub' uses authentication mode CONFIG_MAP, which has no access entries; switch it with 'aws eks update-cluster-config --name legacy-hub --region us-west-2 --access-config authenticationMode=API_AND_CONFIG_MAP'.",
    ]);
    expect(fleet.aws.count({ service: 'iam', write: true })).toBe(0);
  });

  it('takes the hub by name, enables auto-approval for the patterns, and the hub accepts matching spokes by itself', async () => {
    const patterns =
      'arn:aws:eks:us-east-1:222222222222:cluster/prod-.*\narn:aws:eks:eu-west-1:.*:cluster/never';
    const hub = await job('hub-init', fleet.hub.account, {
      'hub-cluster-name': 'fleet-hub',
      'aws-region': 'us-west-2',
      'auto-approved-arn-patterns': patterns,
      'bundle-version': '1.3.1',
      'token-passphrase': 'sixteen chars or more',
    });
    expect(hub.errors).toEqual([]);
    expect(hub.outputs['hub-cluster-arn']).toBe(fleet.hub.arn);
    const manager = fleet.hubApi.get(
      'operator.open-cluster-management.io/v1',
      'clustermanagers',
      'cluster-manager',
    ) as any;
    expect(manager.spec.registrationConfiguration.featureGates).toEqual([
      { feature: 'ManagedClusterAutoApproval', mode: 'Enable' },
    ]);
    expect(
      manager.spec.registrationConfiguration.registrationDrivers[0].awsirsa.autoApprovedIdentities,
    ).toEqual(patterns.split('\n'));

    for (const spoke of SPOKES) {
      const inputs = {
        'aws-region': spoke.region,
        'hub-cluster-arn': fleet.hub.arn,
        'spoke-cluster-name': spoke.name,
      };
      expect((await job('spoke-prepare', spoke.account, inputs)).code).toBe(0);
      const joined = await job('spoke-join', spoke.account, {
        ...inputs,
        'hub-apiserver': hub.outputs['hub-apiserver'],
        'hub-token-sealed': hub.outputs['hub-token-sealed'],
        'token-passphrase': 'sixteen chars or more',
        singleton: 'false',
      });
      expect(joined.errors).toEqual([]);
      const klusterlet = fleet
        .spokeApi(spoke.name)
        .get('operator.open-cluster-management.io/v1', 'klusterlets', 'klusterlet') as any;
      expect(klusterlet.spec.deployOption.mode).toBe('Default');
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((fleet.hubApi.get(...MC, 'prod-1') as any).spec.hubAcceptsClient).toBe(true);
    expect((fleet.hubApi.get(...MC, 'dev-1') as any).spec.hubAcceptsClient).toBe(false);

    // The pattern list changes: hub-init re-initializes and the drift check sees the difference first.
    const dry = await job('hub-init', fleet.hub.account, {
      'hub-cluster-name': 'fleet-hub',
      'aws-region': 'us-west-2',
      'dry-run': 'true',
    });
    expect(dry.outputs.drift).toBe('true');
    expect(dry.summary).toContain(
      '| ClusterManager cluster-manager | featureGates.ManagedClusterAutoApproval | update | enabled, expected disabled |',
    );
  });
});
