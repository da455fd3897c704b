import type { ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Fleet } from '../sim/fleet.js';
import type { Condition } from '../sim/kube-api.js';
import { type Runner, filesUnder, newRunner, postEnv, runAction } from '../sim/action-runner.js';
import { expectNoLeak } from './helpers/secrets.js';

// Faults on the runner's side: clusteradm crashing, downloads going wrong, a sealed token that
// outlived its bootstrap token, and a cancelled job whose post step must still clean up.

const SPOKE = { name: 'spoke-r', account: '222222222222', region: 'us-east-1' };
const MC = 'cluster.open-cluster-management.io/v1';
const PASSPHRASE = 'a passphrase for the fault tests';
const ARCH = process.arch === 'arm64' ? 'arm64' : 'x64';
const ASSET = `clusteradm_linux_${ARCH === 'x64' ? 'amd64' : 'arm64'}.tar.gz`;

let fleet: Fleet;
let toolCache: string;

beforeAll(async () => {
  fleet = await Fleet.start({
    spokes: [SPOKE],
    tokenPrefix: 'RUNNERBOOTSTRAP',
    tokenTtlSeconds: 2,
  });
  toolCache = (await newRunner()).toolCache;
});
afterAll(async () => fleet?.close());

const hubInputs = (mode: string, extra: Record<string, string> = {}) => ({
  mode,
  'role-to-assume': fleet.roleFor(fleet.hub.account),
  'hub-cluster-arn': fleet.hub.arn,
  ...fleet.commonInputs(),
  ...extra,
});

const run = async (
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  runner?: Runner,
  onSpawn?: (child: ChildProcess) => void,
) =>
  runAction(inputs, {
    env: { ...fleet.jobEnv(), ...env },
    runner: runner ?? (await newRunner(toolCache)),
    onSpawn,
  });

const condition = (type: string): Condition => ({
  type,
  status: 'True',
  reason: 'Sim',
  message: type,
  lastTransitionTime: new Date().toISOString(),
});

/** A ManagedCluster in the given state that no controller moves on. */
function putCluster(name: string, accepted: boolean, conditions: string[]): void {
  fleet.hubApi.put(
    {
      apiVersion: MC,
      kind: 'ManagedCluster',
      metadata: { name },
      spec: { hubAcceptsClient: accepted },
      status: { conditions: conditions.map(condition) },
    },
    { reconcile: false },
  );
}

const AVAILABLE = [
  'HubAcceptedManagedCluster',
  'ManagedClusterJoined',
  'ManagedClusterConditionAvailable',
];

describe('clusteradm crashing', () => {
  it('ends hub-init with the panic line of clusteradm init, in one annotation', async () => {
    const result = await run(hubInputs('hub-init'), { FAKE_CLUSTERADM_CRASH: 'init' });
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      'clusteradm init failed (exit 2): panic: runtime error: invalid memory address or nil pointer dereference',
    ]);
    expect(result.stdout).toContain('goroutine 1 [running]:');
    expect(result.stdout).not.toContain('RUNNERBOOTSTRAP');
  });

  it('ends accept with the panic line of clusteradm accept, in one annotation', async () => {
    putCluster('crashy', false, []);
    const result = await run(hubInputs('accept', { 'managed-cluster-name': 'crashy' }), {
      FAKE_CLUSTERADM_CRASH: 'accept',
    });
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      'clusteradm accept failed (exit 2): panic: runtime error: invalid memory address or nil pointer dereference',
    ]);
    expect(fleet.hubApi.get(MC, 'managedclusters', 'crashy')?.spec.hubAcceptsClient).toBe(false);
  });
});

describe('clusteradm downloads that go wrong', () => {
  it.each([
    ['fail404', 1, /failed \(HTTP 404\); check 'clusteradm-version' and 'clusteradm-mirror'/],
    ['truncate', 3, /failed \(after retries: aborted\); check 'clusteradm-version'/],
    ['tamper', 1, /has SHA-256 [0-9a-f]{64}, expected [0-9a-f]{64} \(the digest published with/],
  ] as const)(
    '%s: names version, OS, arch and URL, and caches nothing',
    async (fault, tries, detail) => {
      putCluster('ready', true, AVAILABLE);
      fleet.releases.reset();
      fleet.releases[fault](ASSET);
      const runner = await newRunner();
      const result = await run(
        hubInputs('accept', { 'managed-cluster-name': 'ready' }),
        {},
        runner,
      );
      const downloads = fleet.releases.count(new RegExp(`/${ASSET}$`));
      fleet.releases.reset();
      expect(result.code).toBe(1);
      expect(downloads).toBe(tries);
      expect(result.errors).toHaveLength(1);
      const url = `${fleet.releases.mirrorUrl}/v1.3.1/${ASSET}`;
      expect(result.errors[0]).toContain(`clusteradm 1.3.1 for linux/${ARCH} from ${url} `);
      expect(result.errors[0]).toMatch(detail);
      expect(await readdir(runner.toolCache)).toEqual([]);
      // The download and its extraction are gone; only the step's kubeconfig remains.
      const left = await readdir(runner.runnerTemp);
      expect(left).toEqual([expect.stringMatching(/^ocm-eks-join-hub-[0-9a-f]{12}\.kubeconfig$/)]);
    },
  );
});

describe('a sealed token whose bootstrap token expired', () => {
  it('is refused with the hint before clusteradm join runs', async () => {
    const hub = await run(hubInputs('hub-init', { 'token-passphrase': PASSPHRASE }));
    expect(hub.errors).toEqual([]);
    const spoke = {
      'role-to-assume': fleet.roleFor(SPOKE.account),
      'aws-region': SPOKE.region,
      'hub-cluster-arn': fleet.hub.arn,
      'spoke-cluster-name': SPOKE.name,
      ...fleet.commonInputs(),
    };
    expect((await run({ mode: 'spoke-prepare', ...spoke })).errors).toEqual([]);
    const expiry = Date.parse(hub.outputs['hub-token-expires-at']);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiry - Date.now() + 100)));

    const joined = await run({
      mode: 'spoke-join',
      ...spoke,
      'hub-apiserver': hub.outputs['hub-apiserver'],
      'hub-token-sealed': hub.outputs['hub-token-sealed'],
      'token-passphrase': PASSPHRASE,
    });
    expect(joined.code).toBe(1);
    const when = new Date(expiry).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(joined.errors).toEqual([
      `The bootstrap token in 'hub-token-sealed' expired at ${when} (bootstrap tokens last one hour); re-run the hub-init job for a fresh one, or set 'hub-role-to-assume' so that spoke-join mints its own.`,
    ]);
    const klusterlets = fleet
      .spokeApi(SPOKE.name)
      .list('operator.open-cluster-management.io/v1', 'klusterlets');
    expect(klusterlets).toEqual([]);
    await expectNoLeak(joined, hub.outputs['hub-token'], []);
  });
});

describe('cancellation and the post step', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'removes the kubeconfig of a run cancelled with %s',
    async (signal) => {
      const name = `waiting-${signal.toLowerCase()}`;
      putCluster(name, true, ['HubAcceptedManagedCluster']);
      const runner = await newRunner(toolCache);
      const inputs = hubInputs('accept', {
        'managed-cluster-name': name,
        'wait-timeout-seconds': '600',
      });
      let child: ChildProcess | undefined;
      const running = run(inputs, {}, runner, (started) => (child = started));
      const path = `/apis/${MC}/managedclusters/${name}`;
      const deadline = Date.now() + 15_000;
      // Cancelled during the wait: the first GET reads the cluster, the next ones poll it.
      while (fleet.hubApi.count({ method: 'GET', path }) < 3 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const written = (await readdir(runner.runnerTemp)).filter((f) => f.endsWith('.kubeconfig'));
      expect(written).toHaveLength(1);
      child?.kill(signal);
      const main = await running;
      expect(main.code).toBe(-1);
      expect(JSON.parse(main.state.files)).toEqual([join(runner.runnerTemp, written[0])]);

      const post = await run(inputs, postEnv(main.state), runner);
      expect(post.errors).toEqual([]);
      expect(post.code).toBe(0);
      expect(post.stdout).toContain('Removed 1 file(s) the action wrote');
      expect(await filesUnder(runner.runnerTemp)).toEqual([]);
      expect(await filesUnder(runner.workspace)).toEqual([]);
    },
  );

  it('removes the kubeconfig after a run that succeeded', async () => {
    putCluster('ready', true, AVAILABLE);
    const runner = await newRunner(toolCache);
    const inputs = hubInputs('accept', { 'managed-cluster-name': 'ready' });
    const main = await run(inputs, {}, runner);
    expect(main.errors).toEqual([]);
    expect(main.outputs.kubeconfig.startsWith(`${runner.runnerTemp}/`)).toBe(true);
    expect((await filesUnder(runner.runnerTemp)).map((f) => f.path)).toEqual([
      main.outputs.kubeconfig,
    ]);

    const post = await run(inputs, postEnv(main.state), runner);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('Removed 1 file(s) the action wrote');
    expect(await filesUnder(runner.runnerTemp)).toEqual([]);
  });
});
