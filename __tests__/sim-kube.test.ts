import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { KubeApiSim, eksTokenProblem } from '../sim/kube-api.js';
import { call, eksShapedToken, sleep, until } from './sim-kube-helpers.js';

const ADMIN = 'admin-token';
const MC_PATH = '/apis/cluster.open-cluster-management.io/v1/managedclusters';
const MW_API = 'work.open-cluster-management.io/v1';
const MC_API = 'cluster.open-cluster-management.io/v1';
const OP_API = 'operator.open-cluster-management.io/v1';
const TOKEN_PATH =
  '/api/v1/namespaces/open-cluster-management/serviceaccounts/agent-registration-bootstrap/token';
const ARN_ANNOTATION = 'agent.open-cluster-management.io/managed-cluster-arn';

let sim: KubeApiSim;

const MERGE = 'application/merge-patch+json';
const JSON_PATCH = 'application/json-patch+json';

function managedCluster(name: string, accept: boolean, arn?: string) {
  return {
    apiVersion: MC_API,
    kind: 'ManagedCluster',
    metadata: { name, annotations: arn ? { [ARN_ANNOTATION]: arn } : undefined },
    spec: { hubAcceptsClient: accept },
  };
}

type WithConditions = { status?: { conditions?: Array<{ type: string }> } } | undefined;

function condition(obj: WithConditions, type: string) {
  return obj?.status?.conditions?.find((c) => c.type === type);
}

/** A condition of a ManagedCluster on the simulated hub. */
function mcCondition(name: string, type: string) {
  return condition(sim.get(MC_API, 'ManagedCluster', name), type);
}

function names(items: Array<{ name: string } | { metadata: { name: string } }>): string[] {
  return items.map((i) => ('metadata' in i ? i.metadata.name : i.name));
}

async function admin(method: string, path: string, body?: unknown, contentType?: string) {
  return call(sim, method, path, { token: ADMIN, body, contentType });
}

beforeEach(async () => {
  sim = await KubeApiSim.start({ name: 'hub', conditionDelayMs: 20, tokenPrefix: 'SIMBOOT' });
  sim.addStaticToken(ADMIN);
});

afterEach(async () => {
  await sim.close();
});

describe('discovery', () => {
  it('serves version, groups and resource lists', async () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(Buffer.from(sim.caData, 'base64').toString()).toContain('BEGIN CERTIFICATE');
    expect((await admin('GET', '/version')).body.gitVersion).toMatch(/^v1\./);
    expect((await admin('GET', '/api')).body.versions).toEqual(['v1']);
    const groups = names((await admin('GET', '/apis')).body.groups);
    expect(groups).toEqual(expect.arrayContaining([MC_API.split('/')[0], MW_API.split('/')[0]]));
    const cluster = await admin('GET', `/apis/${MC_API}`);
    expect(cluster.body.resources).toContainEqual(
      expect.objectContaining({
        name: 'managedclusters',
        kind: 'ManagedCluster',
        namespaced: false,
      }),
    );
    const core = names((await admin('GET', '/api/v1')).body.resources);
    expect(core).toEqual(expect.arrayContaining(['namespaces', 'serviceaccounts/token']));
    expect((await admin('GET', '/apis/nope.example.com/v1')).status).toBe(404);
  });
});

describe('authentication', () => {
  it('rejects missing and unknown tokens with a Status body', async () => {
    for (const token of [undefined, 'wrong', 'a.b.c']) {
      const res = await call(sim, 'GET', MC_PATH, { token });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ kind: 'Status', message: 'Unauthorized', code: 401 });
    }
    expect(sim.count({ status: 401, auth: 'none' })).toBe(3);
  });

  it('checks the shape of EKS tokens before asking the verifier', async () => {
    await sim.close();
    const seen: string[] = [];
    sim = await KubeApiSim.start({
      name: 'spoke',
      verifyEksToken: async (token) => {
        seen.push(token);
        const url = Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString();
        if (url.includes('X-Amz-Signature=deny')) throw new Error('InvalidClientTokenId');
        return { arn: 'arn:aws:sts::123456789012:assumed-role/r/s' };
      },
    });
    const good = eksShapedToken();
    expect((await call(sim, 'GET', MC_PATH, { token: good })).status).toBe(200);
    expect(sim.count({ auth: 'eks', status: 200 })).toBe(1);
    const spoiled = [
      eksShapedToken({ host: 'sts.amazonaws.com.evil.example' }),
      eksShapedToken({ Action: 'AssumeRole' }),
      eksShapedToken({ 'X-Amz-Signature': null }),
      eksShapedToken({ 'X-Amz-SignedHeaders': 'host' }),
      eksShapedToken({ 'X-Amz-Expires': '900' }),
      eksShapedToken({ 'X-Amz-Date': '20200101T000000Z' }),
      'k8s-aws-v1.bm90IGEgdXJs',
    ];
    for (const token of spoiled) {
      expect((await call(sim, 'GET', MC_PATH, { token })).status).toBe(401);
    }
    expect(seen).toEqual([good]);
    const denied = eksShapedToken({ 'X-Amz-Signature': 'deny' });
    expect((await call(sim, 'GET', MC_PATH, { token: denied })).status).toBe(401);
    expect(seen).toEqual([good, denied]);
  });

  it('accepts a token presigned by the AWS signer', async () => {
    const signer = new SignatureV4({
      service: 'sts',
      region: 'eu-west-1',
      sha256: Sha256,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    const presigned = await signer.presign(
      {
        method: 'GET',
        protocol: 'https:',
        hostname: 'sts.eu-west-1.amazonaws.com',
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: 'sts.eu-west-1.amazonaws.com', 'x-k8s-aws-id': 'spoke' },
      },
      { expiresIn: 60 },
    );
    const query = new URLSearchParams(presigned.query as Record<string, string>).toString();
    const url = `https://${presigned.hostname}/?${query}`;
    const token = `k8s-aws-v1.${Buffer.from(url).toString('base64url')}`;
    expect(eksTokenProblem(token)).toBeUndefined();
    expect((await call(sim, 'GET', MC_PATH, { token })).status).toBe(200);
  });
});

describe('resource store', () => {
  it('creates, reads, lists, updates and reports NotFound and AlreadyExists', async () => {
    const created = await admin('POST', MC_PATH, managedCluster('c1', false));
    expect(created.status).toBe(201);
    expect(created.body.metadata).toMatchObject({ name: 'c1', generation: 1 });
    expect(created.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.metadata.creationTimestamp).toMatch(/Z$/);

    const again = await admin('POST', MC_PATH, managedCluster('c1', false));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ kind: 'Status', reason: 'AlreadyExists' });
    const missing = await admin('GET', `${MC_PATH}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe(
      'managedclusters.cluster.open-cluster-management.io "nope" not found',
    );

    const list = await admin('GET', MC_PATH);
    expect(list.body.kind).toBe('ManagedClusterList');
    expect(names(list.body.items)).toEqual(['c1']);

    // Let the controller add its finalizer first, so the versions below are not raced.
    await until(() => sim.get(MC_API, 'ManagedCluster', 'c1')?.metadata.finalizers?.length === 1);
    const current = (await admin('GET', `${MC_PATH}/c1`)).body;
    const rv = Number(current.metadata.resourceVersion);
    const changed = { ...current, spec: { hubAcceptsClient: false, x: 1 } };
    const updated = await admin('PUT', `${MC_PATH}/c1`, changed);
    expect(Number(updated.body.metadata.resourceVersion)).toBeGreaterThan(rv);
    expect(updated.body.metadata.generation).toBe(2);
    const stale = await admin('PUT', `${MC_PATH}/c1`, current);
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe('Conflict');

    // A write that changes nothing keeps the resourceVersion.
    const same = await admin('PUT', `${MC_PATH}/c1`, updated.body);
    expect(same.body.metadata.resourceVersion).toBe(updated.body.metadata.resourceVersion);
  });

  it('needs the namespace of a namespaced object and ignores status on create', async () => {
    const work = {
      apiVersion: MW_API,
      kind: 'ManifestWork',
      metadata: { name: 'w' },
      spec: {},
      status: { x: 1 },
    };
    const path = `/apis/${MW_API}/namespaces/c1/manifestworks`;
    expect((await admin('POST', path, work)).body.message).toBe('namespaces "c1" not found');
    await admin('POST', '/api/v1/namespaces', { metadata: { name: 'c1' } });
    const created = await admin('POST', path, work);
    expect(created.status).toBe(201);
    expect(created.body.status).toBeUndefined();
    const status = await admin('PUT', `${path}/w/status`, { ...created.body, status: { y: 2 } });
    expect(status.body.status).toEqual({ y: 2 });
    expect(sim.get(MW_API, 'manifestworks', 'w', 'c1')?.status).toEqual({ y: 2 });
  });

  it('applies merge, strategic and JSON patches', async () => {
    await admin('POST', MC_PATH, {
      ...managedCluster('c1', false),
      metadata: { name: 'c1', labels: { a: '1', b: '2' } },
    });
    const labels = { metadata: { labels: { a: null, c: '3' } } };
    const merge = await admin('PATCH', `${MC_PATH}/c1`, labels, MERGE);
    expect(merge.body.metadata.labels).toEqual({ b: '2', c: '3' });
    const accept = { spec: { hubAcceptsClient: true } };
    const strategic = await admin(
      'PATCH',
      `${MC_PATH}/c1`,
      accept,
      'application/strategic-merge-patch+json',
    );
    expect(strategic.body.spec.hubAcceptsClient).toBe(true);
    const json = await admin(
      'PATCH',
      `${MC_PATH}/c1`,
      [
        { op: 'replace', path: '/spec/hubAcceptsClient', value: false },
        { op: 'add', path: '/metadata/labels/d~1e', value: '4' },
        { op: 'remove', path: '/metadata/labels/b' },
      ],
      JSON_PATCH,
    );
    expect(json.body.spec.hubAcceptsClient).toBe(false);
    expect(json.body.metadata.labels).toEqual({ c: '3', 'd/e': '4' });
    const check = [{ op: 'test', path: '/spec/hubAcceptsClient', value: true }];
    const failedTest = await admin('PATCH', `${MC_PATH}/c1`, check, JSON_PATCH);
    expect(failedTest.status).toBe(422);
    const apply = await admin('PATCH', `${MC_PATH}/c1`, {}, 'application/apply-patch+yaml');
    expect(apply.status).toBe(415);
  });

  it('holds deleted objects while finalizers remain', async () => {
    const path = `/apis/${OP_API}/klusterlets`;
    const klusterlet = { metadata: { name: 'k', finalizers: ['x/y'] }, spec: {} };
    await admin('POST', path, { apiVersion: OP_API, kind: 'Klusterlet', ...klusterlet });
    const deleted = await admin('DELETE', `${path}/k`);
    expect(deleted.body.metadata.deletionTimestamp).toBeDefined();
    expect(sim.get(OP_API, 'Klusterlet', 'k')).toBeDefined();
    await admin('PATCH', `${path}/k`, { metadata: { finalizers: null } }, MERGE);
    expect(sim.get(OP_API, 'Klusterlet', 'k')).toBeUndefined();
    expect((await admin('DELETE', `${path}/k`)).status).toBe(404);
  });
});

describe('ManagedCluster controller', () => {
  it('adds the cleanup finalizer and releases it only when allowed', async () => {
    const released: string[] = [];
    sim.onReleased = (name) => void released.push(name);
    let allow = false;
    sim.canReleaseFinalizer = () => allow;
    await admin('POST', MC_PATH, managedCluster('c1', false));
    await until(() => sim.get(MC_API, 'ManagedCluster', 'c1')?.metadata.finalizers?.length === 1);
    await admin('DELETE', `${MC_PATH}/c1`);
    await sleep(150);
    expect(sim.get(MC_API, 'ManagedCluster', 'c1')?.metadata.deletionTimestamp).toBeDefined();
    expect(released).toEqual([]);
    allow = true;
    await until(() => sim.get(MC_API, 'ManagedCluster', 'c1') === undefined);
    expect(released).toEqual(['c1']);
  });

  it('accepts, joins and reports Available after the delay', async () => {
    const accepted: string[] = [];
    sim.onAccepted = (name) => void accepted.push(name);
    await admin('POST', MC_PATH, managedCluster('c1', true));
    expect(mcCondition('c1', 'HubAcceptedManagedCluster')).toBeUndefined();
    const mc = await until(() => {
      const found = sim.get(MC_API, 'ManagedCluster', 'c1');
      return condition(found, 'ManagedClusterConditionAvailable') && found;
    });
    const types = ['HubAcceptedManagedCluster', 'ManagedClusterJoined'];
    for (const type of [...types, 'ManagedClusterConditionAvailable']) {
      expect(condition(mc, type)).toMatchObject({
        status: 'True',
        lastTransitionTime: expect.any(String),
      });
    }
    expect(accepted).toEqual(['c1']);
    expect(sim.get('v1', 'Namespace', 'c1')).toBeDefined();
  });

  it('reports a failed accept with reason Error', async () => {
    const message = 'AccessDenied: not authorized to perform iam:CreateRole';
    sim.failAccept('c1', message);
    await admin('POST', MC_PATH, managedCluster('c1', true));
    const accepted = await until(() => mcCondition('c1', 'HubAcceptedManagedCluster'));
    expect(accepted).toMatchObject({ status: 'False', reason: 'Error', message });
    sim.failAccept('c1', null);
    await until(() => mcCondition('c1', 'ManagedClusterJoined'));

    sim.onAccepted = () => Promise.reject(new Error('EntityAlreadyExists: role ocm-hub-x'));
    await admin('POST', MC_PATH, managedCluster('c2', true));
    const failed = await until(() => mcCondition('c2', 'HubAcceptedManagedCluster'));
    expect(failed).toMatchObject({
      status: 'False',
      message: 'EntityAlreadyExists: role ocm-hub-x',
    });
  });

  it('auto-approves only ARNs that fully match a pattern behind the feature gate', async () => {
    const arn = (name: string) => `arn:aws:eks:us-west-2:123456789012:cluster/${name}`;
    const hub = (gate: boolean, patterns: string[]) => ({
      apiVersion: OP_API,
      kind: 'ClusterManager',
      metadata: { name: 'cluster-manager' },
      spec: {
        registrationConfiguration: {
          featureGates: gate ? [{ feature: 'ManagedClusterAutoApproval', mode: 'Enable' }] : [],
          registrationDrivers: [
            {
              authType: 'awsirsa',
              awsirsa: { hubClusterArn: arn('hub'), autoApprovedIdentities: patterns },
            },
          ],
        },
      },
    });
    const pattern = 'arn:aws:eks:us-west-2:123456789012:cluster/auto-[0-9]';
    sim.put(hub(false, [pattern]));
    await admin('POST', MC_PATH, managedCluster('gate-off', false, arn('auto-1')));
    await sleep(150);
    expect(mcCondition('gate-off', 'HubAcceptedManagedCluster')).toBeUndefined();

    sim.put(hub(true, [pattern]));
    await admin('POST', MC_PATH, managedCluster('yes', false, arn('auto-2')));
    // The pattern matches inside this ARN but not the whole of it.
    await admin('POST', MC_PATH, managedCluster('partial', false, arn('auto-3x')));
    await until(() => mcCondition('yes', 'ManagedClusterConditionAvailable'));
    expect(sim.get(MC_API, 'ManagedCluster', 'yes')?.spec.hubAcceptsClient).toBe(true);
    // Clusters still waiting when the gate opens are accepted too.
    await until(() => mcCondition('gate-off', 'ManagedClusterConditionAvailable'));
    await sleep(100);
    expect(sim.get(MC_API, 'ManagedCluster', 'partial')?.spec.hubAcceptsClient).toBe(false);
    expect(mcCondition('partial', 'HubAcceptedManagedCluster')).toBeUndefined();
  });

  it('reports ManifestWorks applied and available', async () => {
    await admin('POST', '/api/v1/namespaces', { metadata: { name: 'c1' } });
    await admin('POST', `/apis/${MW_API}/namespaces/c1/manifestworks`, {
      apiVersion: MW_API,
      kind: 'ManifestWork',
      metadata: { name: 'w' },
      spec: { workload: { manifests: [] } },
    });
    const work = await until(() => {
      const found = sim.get(MW_API, 'ManifestWork', 'w', 'c1');
      return condition(found, 'Available') && found;
    });
    expect(condition(work, 'Applied')).toMatchObject({ status: 'True' });
  });
});

describe('bootstrap tokens', () => {
  it('issues tokens through TokenRequest that authenticate, are limited and expire', async () => {
    await sim.close();
    sim = await KubeApiSim.start({ name: 'hub', tokenPrefix: 'SIMBOOT', tokenTtlSeconds: 1 });
    sim.addStaticToken(ADMIN);
    expect((await admin('POST', TOKEN_PATH, {})).status).toBe(404);
    await admin('POST', '/api/v1/namespaces', { metadata: { name: 'open-cluster-management' } });
    await admin('POST', '/api/v1/namespaces/open-cluster-management/serviceaccounts', {
      metadata: { name: 'agent-registration-bootstrap' },
    });

    const issued = await admin('POST', TOKEN_PATH, { spec: { expirationSeconds: 3600 } });
    expect(issued.status).toBe(201);
    const token: string = issued.body.status.token;
    expect(token).toContain('SIMBOOT');
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims.sub).toBe(
      'system:serviceaccount:open-cluster-management:agent-registration-bootstrap',
    );
    expect(claims.exp - claims.iat).toBe(1);
    expect(Date.parse(issued.body.status.expirationTimestamp)).toBe(claims.exp * 1000);

    expect((await call(sim, 'GET', MC_PATH, { token })).status).toBe(200);
    expect(sim.count({ auth: 'bootstrap', path: MC_PATH })).toBe(1);
    const post = await call(sim, 'POST', MC_PATH, { token, body: managedCluster('c1', false) });
    expect(post.status).toBe(201);
    const body = { spec: { hubAcceptsClient: true } };
    const patch = await call(sim, 'PATCH', `${MC_PATH}/c1`, { token, body, contentType: MERGE });
    expect(patch.status).toBe(403);
    const tampered = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    expect((await call(sim, 'GET', MC_PATH, { token: tampered })).status).toBe(401);

    await sleep(1100);
    expect((await call(sim, 'GET', MC_PATH, { token })).status).toBe(401);
  });
});

describe('inspection and fault injection', () => {
  it('logs requests and answers injected failures a limited number of times', async () => {
    sim.inject({ match: /managedclusters$/, status: 503, times: 2 });
    expect((await admin('GET', MC_PATH)).status).toBe(503);
    expect((await admin('GET', MC_PATH)).body.reason).toBe('ServiceUnavailable');
    expect((await admin('GET', MC_PATH)).status).toBe(200);
    await admin('POST', MC_PATH, managedCluster('c1', false));
    expect(sim.count({ method: 'GET', path: MC_PATH })).toBe(3);
    expect(sim.count({ write: true })).toBe(1);
    expect(sim.count((r) => r.status >= 500)).toBe(2);
    sim.resetLog();
    expect(sim.requests).toEqual([]);

    const seeded = { apiVersion: MC_API, kind: 'ManagedCluster', metadata: { name: 'seeded' } };
    sim.put({ ...seeded, spec: {} }, { reconcile: false });
    await sleep(60);
    expect(sim.get(MC_API, 'managedclusters', 'seeded')?.metadata.finalizers).toBeUndefined();
    expect(sim.get(MC_API, 'managedclusters', 'seeded')?.metadata.uid).toBeDefined();
    expect(sim.remove(MC_API, 'ManagedCluster', 'seeded')).toBe(true);
    expect(sim.get(MC_API, 'ManagedCluster', 'seeded')).toBeUndefined();
  });
});
