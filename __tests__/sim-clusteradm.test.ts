import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { KubeApiSim } from '../sim/kube-api.js';
import { CLUSTERADM, clusteradm, runCommand, until, writeKubeconfig } from './sim-kube-helpers.js';

const MC_API = 'cluster.open-cluster-management.io/v1';
const OP_API = 'operator.open-cluster-management.io/v1';
const HUB_ARN = 'arn:aws:eks:us-east-1:123456789012:cluster/hub';
const SPOKE_ARN = 'arn:aws:eks:us-west-2:567890123456:cluster/spoke1';
const AUTO_ARN = 'arn:aws:eks:us-west-2:567890123456:cluster/auto-1';
const PATTERN = 'arn:aws:eks:us-west-2:567890123456:cluster/auto-.*';

// An exec credential plugin that answers with an EKS-shaped token; its signature comes from an
// env entry of the kubeconfig and its apiVersion from KUBERNETES_EXEC_INFO, so both are checked.
const EXEC_PLUGIN = `
const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);
const date = new Date().toISOString().replace(/[-:]/g, '').replace(/\\.\\d{3}/, '');
const url = 'https://sts.us-west-2.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15' +
  '&X-Amz-Date=' + date + '&X-Amz-Expires=60&X-Amz-SignedHeaders=host%3Bx-k8s-aws-id' +
  '&X-Amz-Signature=' + process.env.SIM_SIGNATURE;
const token = 'k8s-aws-v1.' + Buffer.from(url).toString('base64url');
process.stdout.write(JSON.stringify({ apiVersion: info.apiVersion, kind: 'ExecCredential',
  status: { token } }));
`;

let dir: string;
let hub: KubeApiSim;
let spoke: KubeApiSim;
let hubConfig: string;
let spokeConfig: string;
const verified: string[] = [];

function cluster(name: string) {
  return hub.get(MC_API, 'ManagedCluster', name);
}

function conditionStatus(name: string, type: string): string | undefined {
  const conditions: Array<{ type: string; status: string }> =
    cluster(name)?.status?.conditions ?? [];
  return conditions.find((c) => c.type === type)?.status;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sim-clusteradm-'));
  hub = await KubeApiSim.start({ name: 'hub', conditionDelayMs: 30, tokenPrefix: 'SIMBOOT' });
  spoke = await KubeApiSim.start({
    name: 'spoke1',
    conditionDelayMs: 30,
    verifyEksToken: async (token) => {
      const url = Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString();
      if (!url.includes('X-Amz-Signature=plugin-signature')) {
        throw new Error('SignatureDoesNotMatch');
      }
      verified.push(token);
      return { arn: 'arn:aws:sts::567890123456:assumed-role/deployer/ci' };
    },
  });
  hub.addStaticToken('hub-admin');
  hubConfig = writeKubeconfig(dir, hub, { token: 'hub-admin' });
  writeFileSync(path.join(dir, 'plugin.cjs'), EXEC_PLUGIN);
  spokeConfig = writeKubeconfig(dir, spoke, {
    exec: {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: process.execPath,
      args: [path.join(dir, 'plugin.cjs')],
      env: [{ name: 'SIM_SIGNATURE', value: 'plugin-signature' }],
    },
  });
});

afterAll(async () => {
  await hub?.close();
  await spoke?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fake clusteradm against simulated clusters', () => {
  it('prints its version', async () => {
    const out = await clusteradm(['version'], { FAKE_CLUSTERADM_VERSION: '1.2.0' });
    expect(out.stdout).toBe('clusteradm\tversion\t:v1.2.0\ndefault bundle\tversion\t:1.2.0\n');
  });

  it('initializes the hub, joins a spoke and accepts it', async () => {
    const initArgs = [
      'init',
      '--wait',
      '--registration-drivers',
      'awsirsa',
      '--hub-cluster-arn',
      HUB_ARN,
      '--feature-gates',
      'ManagedClusterAutoApproval=true',
      '--auto-approved-arn-patterns',
      PATTERN,
      '--aws-resource-tags',
      'team=platform,env=test',
    ];
    const init = await clusteradm(initArgs, { KUBECONFIG: hubConfig });
    expect(init.stderr).toContain('Preflight check:');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('flag auto-approved-arn-patterns has been set');
    const lines = init.stdout.trimEnd().split('\n');
    const joinLine = new RegExp(
      `^    ${CLUSTERADM.replace(/[.]/g, '\\.')} join --hub-token (\\S+) --hub-apiserver ` +
        `(\\S+) --wait --cluster-name <cluster_name>$`,
    ).exec(lines[lines.length - 1]);
    expect(joinLine?.[1]).toContain('SIMBOOT');
    expect(joinLine?.[2]).toBe(hub.url);
    const manager = hub.get(OP_API, 'ClusterManager', 'cluster-manager');
    expect(manager?.spec.registrationConfiguration).toEqual({
      featureGates: [{ feature: 'ManagedClusterAutoApproval', mode: 'Enable' }],
      registrationDrivers: [
        {
          authType: 'awsirsa',
          awsirsa: {
            hubClusterArn: HUB_ARN,
            autoApprovedIdentities: [PATTERN],
            tags: ['team=platform', 'env=test'],
          },
        },
      ],
    });

    // Re-running init is safe and rewrites nothing.
    const managerVersion = () =>
      hub.get(OP_API, 'ClusterManager', 'cluster-manager')?.metadata.resourceVersion;
    const version = managerVersion();
    expect((await clusteradm(initArgs, { KUBECONFIG: hubConfig })).code).toBe(0);
    expect(managerVersion()).toBe(version);

    const got = await clusteradm(['get', 'token', '-o', 'json'], { KUBECONFIG: hubConfig });
    expect(got.code).toBe(0);
    const { 'hub-token': token, 'hub-apiserver': server, ...rest } = JSON.parse(got.stdout);
    expect(rest).toEqual({});
    expect(server).toBe(hub.url);

    hub.resetLog();
    const join = await clusteradm(
      [
        'join',
        '--hub-token',
        token,
        '--hub-apiserver',
        server,
        '--cluster-name',
        'spoke1',
        '--wait',
        '--singleton',
        '--registration-auth',
        'awsirsa',
        '--hub-cluster-arn',
        HUB_ARN,
        '--managed-cluster-arn',
        SPOKE_ARN,
      ],
      { KUBECONFIG: spokeConfig },
    );
    expect(join.stderr).not.toContain('Error');
    expect(join.code).toBe(0);
    expect(join.stdout).toContain('Please log onto the hub cluster and run the following command:');
    expect(join.stdout).toContain(`    ${CLUSTERADM} accept --clusters spoke1`);
    expect(hub.count({ method: 'POST', auth: 'bootstrap', status: 201 })).toBe(1);
    expect(spoke.count({ auth: 'eks', write: true })).toBeGreaterThan(0);
    expect(verified.length).toBeGreaterThan(0);
    expect(spoke.get(OP_API, 'Klusterlet', 'klusterlet')?.spec).toMatchObject({
      clusterName: 'spoke1',
      deployOption: { mode: 'Singleton' },
      registrationConfiguration: {
        registrationDriver: {
          authType: 'awsirsa',
          awsIrsa: { hubClusterArn: HUB_ARN, managedClusterArn: SPOKE_ARN },
        },
      },
    });
    expect(cluster('spoke1')?.metadata.annotations).toEqual({
      'agent.open-cluster-management.io/managed-cluster-arn': SPOKE_ARN,
    });
    expect(cluster('spoke1')?.spec.hubAcceptsClient).toBe(false);

    const accept = await clusteradm(['accept', '--clusters', 'spoke1'], { KUBECONFIG: hubConfig });
    expect(accept.code).toBe(0);
    await until(() => conditionStatus('spoke1', 'ManagedClusterConditionAvailable') === 'True');
    expect(conditionStatus('spoke1', 'HubAcceptedManagedCluster')).toBe('True');
    const again = await clusteradm(['accept', '--clusters', 'spoke1'], { KUBECONFIG: hubConfig });
    expect(again.stdout).toContain('hubAcceptsClient already set for managed cluster spoke1');

    // A cluster whose ARN matches the pattern is accepted by the hub without `accept`.
    const auto = await clusteradm(
      [
        'join',
        `--hub-token=${token}`,
        '--hub-apiserver',
        server,
        '--cluster-name',
        'auto-1',
        '--registration-auth',
        'awsirsa',
        '--hub-cluster-arn',
        HUB_ARN,
        '--managed-cluster-arn',
        AUTO_ARN,
      ],
      { KUBECONFIG: spokeConfig },
    );
    expect(auto.code).toBe(0);
    await until(() => conditionStatus('auto-1', 'ManagedClusterConditionAvailable') === 'True');

    // clean does nothing while a cluster is Available.
    const clean = await clusteradm(['clean'], { KUBECONFIG: hubConfig });
    expect(clean.code).toBe(0);
    expect(hub.get(OP_API, 'ClusterManager', 'cluster-manager')).toBeDefined();
  });

  it('refuses bad init flags', async () => {
    const env = { KUBECONFIG: hubConfig };
    const base = ['init', '--registration-drivers', 'awsirsa'];
    const cases: Array<[string[], RegExp]> = [
      [[...base, '--hub-cluster-arn', HUB_ARN, '--wait', '-o', 'json'], /json/],
      [base, /hub-cluster-arn/],
      [
        [...base, '--hub-cluster-arn', HUB_ARN, '--auto-approved-arn-patterns', 'x'],
        /ManagedClusterAutoApproval/,
      ],
      [[...base, '--bogus'], /^Error: unknown flag: --bogus$/m],
      [
        ['join', '--wait'],
        /^Error: required flag\(s\) "hub-token", "hub-apiserver", "cluster-name" not set$/m,
      ],
    ];
    hub.resetLog();
    for (const [args, message] of cases) {
      const out = await clusteradm(args, env);
      expect(out.code, args.join(' ')).toBe(1);
      expect(out.stderr).toMatch(message);
    }
    expect(hub.count({ write: true })).toBe(0);
  });

  it('fails a join with a wrong or expired token as Unauthorized', async () => {
    const expired = hub.issueBootstrapToken(0).token;
    for (const token of ['not-a-token', expired]) {
      const out = await clusteradm(
        [
          'join',
          '--hub-token',
          token,
          '--hub-apiserver',
          hub.url,
          '--cluster-name',
          'x1',
          '--registration-auth',
          'awsirsa',
          '--hub-cluster-arn',
          HUB_ARN,
          '--managed-cluster-arn',
          SPOKE_ARN,
        ],
        { KUBECONFIG: spokeConfig },
      );
      expect(out.code).toBe(1);
      expect(out.stderr.split('\n').slice(-2)).toEqual(['Error: Unauthorized', '']);
    }
    expect(cluster('x1')).toBeUndefined();
  });

  it('fails to accept a cluster that does not exist', async () => {
    const out = await clusteradm(['accept', '--clusters', 'ghost'], { KUBECONFIG: hubConfig });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      'fail to get managedcluster ghost: managedclusters.cluster.open-cluster-management.io ' +
        '"ghost" not found, no csr is approved yet for cluster ghost',
    );
  });

  it('leaves the klusterlet in place while AppliedManifestWorks remain', async () => {
    const klusterlet = { apiVersion: OP_API, kind: 'Klusterlet', metadata: { name: 'klusterlet' } };
    spoke.put({ ...klusterlet, spec: {} });
    const work = {
      apiVersion: 'work.open-cluster-management.io/v1',
      kind: 'AppliedManifestWork',
      metadata: { name: 'hash-work' },
      spec: {},
    };
    spoke.put(work);
    const unjoin = () =>
      clusteradm(['unjoin', '--cluster-name', 'spoke1'], { KUBECONFIG: spokeConfig });
    const blocked = await unjoin();
    expect(blocked.code).toBe(0);
    expect(spoke.get(OP_API, 'Klusterlet', 'klusterlet')).toBeDefined();
    spoke.remove(work.apiVersion, work.kind, 'hash-work');
    const done = await unjoin();
    expect(done.code).toBe(0);
    expect(spoke.get(OP_API, 'Klusterlet', 'klusterlet')).toBeUndefined();
  });

  it('logs invocations without the token and can crash like a Go panic', async () => {
    const log = path.join(dir, 'calls.jsonl');
    const env = {
      KUBECONFIG: spokeConfig,
      FAKE_CLUSTERADM_LOG: log,
      FAKE_CLUSTERADM_CRASH: 'join',
    };
    const { token } = hub.issueBootstrapToken();
    const out = await clusteradm(
      ['join', '--hub-token', token, '--hub-apiserver', hub.url, '--cluster-name', 'x2'],
      env,
    );
    const text = readFileSync(log, 'utf8');
    expect(text).not.toContain(token);
    const entry = JSON.parse(text.trim().split('\n')[0]);
    expect(entry).toEqual({
      argv: ['join', '--hub-token', '<redacted>', '--hub-apiserver', hub.url].concat([
        '--cluster-name',
        'x2',
      ]),
      kubeconfig: spokeConfig,
      exitCode: 2,
    });
    // The crash comes after the Klusterlet is written and before the hub hears of the cluster.
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('panic: runtime error: invalid memory address');
    expect(out.stderr).toContain('goroutine 1 [running]:');
    expect(spoke.get(OP_API, 'Klusterlet', 'klusterlet')?.spec.clusterName).toBe('x2');
    expect(cluster('x2')).toBeUndefined();

    const version = await clusteradm(['version'], { FAKE_CLUSTERADM_CRASH: 'version' });
    expect(version.code).toBe(2);
    expect(version.stdout).toMatch(/^clusteradm\tversion/);
    expect(version.stderr).toMatch(/^panic: runtime error/);
  });

  it('serves kubectl get managedclusters', async (ctx) => {
    const probe = await runCommand('kubectl', ['version', '--client', '-o', 'json']).catch(
      () => undefined,
    );
    if (!probe || probe.code !== 0 || !probe.stdout.includes('clientVersion')) {
      ctx.skip(); // kubectl is absent or not a working client here
      return;
    }
    hub.put({
      apiVersion: MC_API,
      kind: 'ManagedCluster',
      metadata: { name: 'kubectl-visible' },
      spec: { hubAcceptsClient: false },
    });
    const args = ['--kubeconfig', hubConfig, 'get', 'managedclusters', '-o', 'json'];
    const out = await runCommand('kubectl', args);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const items: Array<{ metadata: { name: string } }> = JSON.parse(out.stdout).items;
    const names = items.map((i) => i.metadata.name);
    expect(names).toContain('kubectl-visible');
    const listed = hub.count({ method: 'GET', path: /\/managedclusters$/, auth: 'static' });
    expect(listed).toBeGreaterThan(0);
  });
});
