import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { Fleet } from '../sim/fleet.js';
import type { Condition, KubeObject } from '../sim/kube-api.js';
import { runAction } from '../sim/action-runner.js';

// Faults of the services the action talks to (IAM, EKS, STS, the hub's Kubernetes API), and
// waits that never end, each through the built action.

const SPOKE = { name: 'spoke-f', account: '222222222222', region: 'us-east-1' };
const MC = 'cluster.open-cluster-management.io/v1';

let fleet: Fleet;
let spokeRole: string;

beforeAll(async () => {
  fleet = await Fleet.start({ spokes: [SPOKE], tokenPrefix: 'FAULTSBOOTSTRAP' });
  spokeRole = fleet.hubRoleName(SPOKE).replace('ocm-hub-', 'ocm-managed-cluster-');
});
afterAll(async () => fleet?.close());
beforeEach(() => {
  fleet.aws.resetLog();
  fleet.aws.clearFaults();
  fleet.hubApi.clearInjections();
});

const prepare = (env: Record<string, string> = {}) =>
  runAction(
    {
      mode: 'spoke-prepare',
      'role-to-assume': fleet.roleFor(SPOKE.account),
      'aws-region': SPOKE.region,
      'hub-cluster-arn': fleet.hub.arn,
      'spoke-cluster-name': SPOKE.name,
      ...fleet.commonInputs(),
    },
    { env: { ...fleet.jobEnv(), ...env } },
  );

const accept = (names: string, extra: Record<string, string> = {}) =>
  runAction(
    {
      mode: 'accept',
      'role-to-assume': fleet.roleFor(fleet.hub.account),
      'hub-cluster-arn': fleet.hub.arn,
      'managed-cluster-name': names,
      'wait-timeout-seconds': '10',
      ...fleet.commonInputs(),
      ...extra,
    },
    { env: fleet.jobEnv() },
  );

function condition(type: string, status: Condition['status']): Condition {
  return {
    type,
    status,
    reason: 'Sim',
    message: type,
    lastTransitionTime: new Date().toISOString(),
  };
}

/** A ManagedCluster the hub accepted whose agent never reports it available. */
function stuckCluster(name: string, conditions = [condition('HubAcceptedManagedCluster', 'True')]) {
  const obj: KubeObject = {
    apiVersion: MC,
    kind: 'ManagedCluster',
    metadata: { name },
    spec: { hubAcceptsClient: true },
    status: { conditions },
  };
  fleet.hubApi.put(obj, { reconcile: false });
}

async function until(test: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const calls = (service: 'iam' | 'eks' | 'sts', action: string) =>
  fleet.aws.count({ service, action });

describe('AWS faults', () => {
  it('rides out a storm of five Throttling answers from IAM', async () => {
    fleet.aws.inject({ service: 'iam', action: 'GetRole', kind: 'throttle', times: 5 });
    const result = await prepare();
    expect(result.errors).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.outputs.changed).toBe('true');
    expect(calls('iam', 'GetRole')).toBe(6);
    expect(fleet.aws.role(SPOKE.account, spokeRole)).toBeDefined();
  });

  it('fails a storm longer than the retry budget, naming the call and the role', async () => {
    fleet.aws.inject({ service: 'iam', action: 'GetRole', kind: 'throttle', times: 50 });
    const result = await prepare();
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(`^iam:GetRole on IAM role ${spokeRole} failed \\(Throttling\\): Rate exceeded`),
      ),
    ]);
    // Throttling gets twelve attempts in all; other retryable failures get eight.
    expect(calls('iam', 'GetRole')).toBe(12);
    expect(fleet.aws.count({ write: true })).toBe(0);
  });

  it('retries 500 and 503 from IAM and EKS', async () => {
    fleet.aws.inject({ service: 'eks', action: 'DescribeCluster', kind: 'unavailable', times: 2 });
    fleet.aws.inject({ service: 'eks', action: 'DescribeCluster', kind: 'server-error' });
    fleet.aws.inject({ service: 'iam', action: 'GetRole', kind: 'server-error', times: 2 });
    fleet.aws.inject({ service: 'iam', action: 'GetRole', kind: 'unavailable', times: 2 });
    const result = await prepare();
    expect(result.errors).toEqual([]);
    expect(result.outputs.changed).toBe('false');
    expect(calls('eks', 'DescribeCluster')).toBe(4);
    expect(calls('iam', 'GetRole')).toBe(5);
  });

  it('ends a hanging IAM call after the per-call timeout and its retries', async () => {
    fleet.aws.inject({ service: 'iam', action: 'GetRole', kind: 'hang', times: 50 });
    const started = Date.now();
    const result = await prepare({ OCM_EKS_JOIN_CALL_TIMEOUT_MS: '500' });
    const elapsed = Date.now() - started;
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      new RegExp(`^iam:GetRole on IAM role ${spokeRole} failed \\(TimeoutError\\)`),
    );
    // Eight attempts of 500 ms each, and no backoff in the suite.
    expect(calls('iam', 'GetRole')).toBe(8);
    expect(elapsed).toBeGreaterThanOrEqual(4000);
    expect(elapsed).toBeLessThan(9000);
  });

  it('gets past a single hung call with a retry', async () => {
    fleet.aws.inject({ service: 'iam', action: 'GetRole', kind: 'hang' });
    const result = await prepare({ OCM_EKS_JOIN_CALL_TIMEOUT_MS: '500' });
    expect(result.errors).toEqual([]);
    expect(calls('iam', 'GetRole')).toBe(2);
  });

  it('names sts:AssumeRoleWithWebIdentity when STS keeps answering 503', async () => {
    fleet.aws.inject({
      service: 'sts',
      action: 'AssumeRoleWithWebIdentity',
      kind: 'unavailable',
      times: 50,
    });
    const result = await prepare();
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      `sts:AssumeRoleWithWebIdentity for '${fleet.roleFor(SPOKE.account)}' failed (ServiceUnavailable): Service is unavailable. Please try again later..`,
    ]);
    expect(calls('sts', 'AssumeRoleWithWebIdentity')).toBe(8);
    expect(fleet.aws.count({ service: 'iam' })).toBe(0);
  });
});

describe('hub API faults and waits', () => {
  it("retries the hub API's 503 answers during accept's wait", async () => {
    stuckCluster('flaky');
    const path = `/apis/${MC}/managedclusters/flaky`;
    const running = accept('flaky');
    // The first GET reads the cluster; the second is the wait's first look.
    await until(() => fleet.hubApi.count({ method: 'GET', path }) >= 2, 'the wait to start');
    fleet.hubApi.inject({ match: /managedclusters/, status: 503, times: 3 });
    await until(() => fleet.hubApi.count({ path, status: 503 }) === 3, 'three 503 answers');
    stuckCluster('flaky', [
      condition('HubAcceptedManagedCluster', 'True'),
      condition('ManagedClusterJoined', 'True'),
      condition('ManagedClusterConditionAvailable', 'True'),
    ]);
    const result = await running;
    expect(result.errors).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('All 1 ManagedCluster(s) are accepted and available');
    expect(fleet.hubApi.count({ path, status: 503 })).toBe(3);
  });

  it('says which cluster never appeared when the wait times out', async () => {
    const started = Date.now();
    const result = await accept('ghost', { 'wait-timeout-seconds': '2' });
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      "Timed out after 2 s waiting for ManagedCluster(s) ghost to appear on the hub; still missing: ghost. Raise 'wait-timeout-seconds' or check that spoke-join ran for each name and succeeded.",
    ]);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('says which condition never flipped when the wait times out', async () => {
    stuckCluster('stuck');
    const result = await accept('stuck', { 'wait-timeout-seconds': '2' });
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^Timed out after 2 s waiting for stuck to be accepted and available; still missing: stuck ManagedClusterConditionAvailable\. Raise 'wait-timeout-seconds' or check the klusterlet on each spoke/,
    );
  });
});
