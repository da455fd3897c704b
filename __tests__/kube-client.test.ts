import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { ActionError } from '../src/errors.js';
import { KubeApiError, KubeClient } from '../src/kube/client.js';
import { managedClusterPath, type ManagedCluster } from '../src/kube/ocm.js';
import { json, TestApiServer } from './kube-test-server.js';

let server: TestApiServer;
let clients: KubeClient[] = [];

beforeAll(async () => {
  process.env.OCM_EKS_JOIN_RETRY_BASE_MS = '0';
  server = await TestApiServer.start();
});

afterAll(async () => {
  await server.stop();
});

afterEach(() => {
  for (const client of clients) client.close();
  clients = [];
  server.seen.length = 0;
});

function client(options: Partial<ConstructorParameters<typeof KubeClient>[0]> = {}): KubeClient {
  let n = 0;
  const made = new KubeClient({
    server: server.url,
    caData: server.caData,
    token: async () => `token-${++n}`,
    ...options,
  });
  clients.push(made);
  return made;
}

const cluster: ManagedCluster = {
  apiVersion: 'cluster.open-cluster-management.io/v1',
  kind: 'ManagedCluster',
  metadata: { name: 'spoke-1' },
  spec: { hubAcceptsClient: true },
};

describe('KubeClient', () => {
  it('sends a fresh bearer token on every request and parses JSON', async () => {
    server.handler = (_request, response) => json(response, 200, cluster);
    const kube = client();

    expect(await kube.get<ManagedCluster>(managedClusterPath('spoke-1'))).toEqual(cluster);
    await kube.get(managedClusterPath('spoke-1'));

    expect(server.seen.map((r) => r.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
    expect(server.seen[0]?.url).toBe(
      '/apis/cluster.open-cluster-management.io/v1/managedclusters/spoke-1',
    );
    expect(server.seen[0]?.headers.accept).toBe('application/json');
  });

  it('returns undefined for 404 on get and false for 404 on delete', async () => {
    server.handler = (request, response) =>
      request.method === 'DELETE' && request.url.endsWith('/present')
        ? json(response, 200, { kind: 'Status', status: 'Success' })
        : json(response, 404, { kind: 'Status', message: 'not found', code: 404 });
    const kube = client();

    expect(await kube.get(managedClusterPath('absent'))).toBeUndefined();
    expect(await kube.delete(managedClusterPath('absent'))).toBe(false);
    expect(await kube.delete(managedClusterPath('present'))).toBe(true);
  });

  it('retries a 503 and then succeeds', async () => {
    let calls = 0;
    server.handler = (_request, response) =>
      ++calls < 3
        ? json(response, 503, { kind: 'Status', message: 'etcd leader changed' })
        : json(response, 200, cluster);

    expect(await client().get(managedClusterPath('spoke-1'))).toEqual(cluster);
    expect(calls).toBe(3);
  });

  it('fails with the call and the API Status message, without retrying a 403', async () => {
    server.handler = (_request, response) =>
      json(response, 403, {
        kind: 'Status',
        message: 'managedclusters.cluster.open-cluster-management.io "x" is forbidden',
      });
    const error = await client()
      .get(managedClusterPath('x'))
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(KubeApiError);
    const { message, call, status } = error as KubeApiError;
    expect(status).toBe(403);
    expect(call).toBe('GET /apis/cluster.open-cluster-management.io/v1/managedclusters/x');
    expect(message).toBe(
      'GET /apis/cluster.open-cluster-management.io/v1/managedclusters/x failed with HTTP 403: ' +
        'managedclusters.cluster.open-cluster-management.io "x" is forbidden; the caller lacks ' +
        "RBAC permission for this request; grant it to the caller's identity.",
    );
    expect(message).not.toContain('token-');
    expect(server.seen).toHaveLength(1);
  });

  it('gives up on a persistent 503 after the configured attempts', async () => {
    server.handler = (_request, response) => response.writeHead(503).end('upstream down');
    const error = await client({ attempts: 2 })
      .get('/version')
      .catch((caught: unknown) => caught);
    expect((error as KubeApiError).status).toBe(503);
    expect((error as Error).message).toContain('failed with HTTP 503: upstream down');
    expect(server.seen).toHaveLength(2);
  });

  it('ends a request that gets no answer with a clear time-out error', async () => {
    server.handler = () => undefined;
    const started = Date.now();
    const error = await client({ timeoutMs: 300, attempts: 2 })
      .get('/version')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toMatch(
      /^GET \/version on 127\.0\.0\.1:\d+ got no answer within 0\.3 s; check the cluster endpoint/,
    );
    expect(server.seen).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('creates, merge-patches and lists with the right methods and content types', async () => {
    server.handler = (request, response) => {
      if (request.method === 'GET') {
        const page = request.url.includes('continue=next') ? 2 : 1;
        json(response, 200, {
          items: [{ metadata: { name: `c${page}` } }],
          metadata: page === 1 ? { continue: 'next' } : {},
        });
      } else {
        json(response, request.method === 'POST' ? 201 : 200, JSON.parse(request.body));
      }
    };
    const kube = client();

    expect(await kube.create(managedClusterPath(), cluster)).toEqual(cluster);
    const patch = { spec: { hubAcceptsClient: true } };
    expect(await kube.mergePatch(managedClusterPath('spoke-1'), patch)).toEqual(patch);
    const items = await kube.list<ManagedCluster>(managedClusterPath());
    expect(items.map((item) => item.metadata.name)).toEqual(['c1', 'c2']);

    expect(server.seen.map((r) => [r.method, r.headers['content-type']])).toEqual([
      ['POST', 'application/json'],
      ['PATCH', 'application/merge-patch+json'],
      ['GET', undefined],
      ['GET', undefined],
    ]);
    expect(server.seen[3]?.url).toBe(`${managedClusterPath()}?continue=next`);
  });

  it('refuses a server whose certificate the CA does not vouch for', async () => {
    server.handler = (_request, response) => json(response, 200, {});
    const error = await client({ caData: undefined, attempts: 1 })
      .get('/version')
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/could not reach the API server \(.*certificate/);
    expect(await client({ caData: undefined, insecure: true }).get('/version')).toEqual({});
  });

  it('names the call when the token function fails, and sends nothing', async () => {
    const token = async (): Promise<string> => {
      throw new Error('credentials expired');
    };
    const error = await client({ token })
      .get('/version')
      .catch((caught: unknown) => caught);
    expect((error as ActionError).message).toBe(
      'GET /version could not get a token for the API server: credentials expired; check the ' +
        'credentials this job uses for the cluster.',
    );
    expect((error as ActionError).call).toBe('GET /version');
    expect(server.seen).toHaveLength(0);
  });

  it('keeps a path prefix of the server URL', async () => {
    server.handler = (_request, response) => json(response, 200, {});
    await client({ server: `${server.url}/proxy/c1/` }).get('/version');
    expect(server.seen[0]?.url).toBe('/proxy/c1/version');
  });
});
