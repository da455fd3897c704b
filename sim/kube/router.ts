// Maps an authenticated request to discovery, the object store or the TokenRequest API.

import * as discovery from './discovery.js';
import { BOOTSTRAP_NAMESPACE, BOOTSTRAP_SERVICE_ACCOUNT, type Identity } from './auth.js';
import { type KindInfo, SERVICE_ACCOUNT_KIND, apiVersionOf, findByPath } from './resources.js';
import { ApiError, badRequest, notFound } from './status.js';
import type { ObjectStore } from './store.js';
import type { KubeObject } from './types.js';

export interface RouteContext {
  store: ObjectStore;
  identity: Identity;
  hostPort: string;
  issueToken: (requested: number | undefined) => { token: string; expirationTimestamp: string };
}

export interface RouteResult {
  status: number;
  body: unknown;
}

interface ResourcePath {
  info: KindInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
}

function parseResource(
  group: string,
  version: string,
  segments: string[],
): ResourcePath | undefined {
  let namespace: string | undefined;
  let rest = segments;
  if (segments[0] === 'namespaces' && segments.length >= 3) {
    const inner = findByPath(group, version, segments[2]);
    if (inner?.namespaced) {
      namespace = segments[1];
      rest = segments.slice(2);
    }
  }
  const info = findByPath(group, version, rest[0] ?? '');
  if (!info || rest.length > 3) return undefined;
  // A namespaced object is only addressable through its namespace.
  if (info.namespaced && namespace === undefined && rest.length > 1) return undefined;
  return { info, namespace, name: rest[1], subresource: rest[2] };
}

function discoveryFor(segments: string[], hostPort: string): unknown {
  const [root, a, b] = segments;
  if (root === 'version' && segments.length === 1) return discovery.versionInfo();
  if (root === 'api' && segments.length === 1) return discovery.coreVersions(hostPort);
  if (root === 'api' && segments.length === 2) return discovery.resourceList('', a);
  if (root === 'apis' && segments.length === 1) return discovery.groupList();
  if (root === 'apis' && segments.length === 2) return discovery.group(a);
  if (root === 'apis' && segments.length === 3) return discovery.resourceList(a, b);
  return undefined;
}

function forbidden(identity: Identity, verb: string, target: ResourcePath): ApiError {
  const resource = target.info.plural;
  const group = target.info.group;
  const scope = target.namespace
    ? `in the namespace "${target.namespace}"`
    : 'at the cluster scope';
  return new ApiError(
    403,
    'Forbidden',
    `${resource} is forbidden: User "${identity.user}" cannot ${verb} resource "${resource}" ` +
      `in API group "${group}" ${scope}`,
  );
}

function verbOf(method: string, target: ResourcePath): string {
  if (method === 'GET') return target.name ? 'get' : 'list';
  return { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' }[method] ?? method;
}

// The bootstrap service account may only read and register ManagedClusters, as on a real hub.
function checkBootstrapAccess(ctx: RouteContext, method: string, target: ResourcePath): void {
  if (ctx.identity.kind !== 'bootstrap') return;
  const verb = verbOf(method, target);
  const allowed =
    target.info.kind === 'ManagedCluster' &&
    !target.subresource &&
    ['get', 'list', 'create'].includes(verb);
  if (!allowed) throw forbidden(ctx.identity, verb, target);
}

function tokenRequest(ctx: RouteContext, target: ResourcePath, body: KubeObject): RouteResult {
  const name = target.name ?? '';
  if (!ctx.store.get(SERVICE_ACCOUNT_KIND, name, target.namespace)) {
    throw notFound(SERVICE_ACCOUNT_KIND, name);
  }
  if (target.namespace !== BOOTSTRAP_NAMESPACE || name !== BOOTSTRAP_SERVICE_ACCOUNT) {
    const account = `${BOOTSTRAP_NAMESPACE}/${BOOTSTRAP_SERVICE_ACCOUNT}`;
    throw badRequest(`the simulator issues tokens only for ${account}`);
  }
  const requested = body?.spec?.expirationSeconds;
  const issued = ctx.issueToken(typeof requested === 'number' ? requested : undefined);
  return {
    status: 201,
    body: {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { name, namespace: target.namespace, creationTimestamp: null },
      spec: { audiences: body?.spec?.audiences ?? [], expirationSeconds: requested ?? 3600 },
      status: issued,
    },
  };
}

function parseBody(raw: Buffer): KubeObject {
  if (raw.length === 0) return { metadata: {} };
  try {
    return JSON.parse(raw.toString('utf8')) as KubeObject;
  } catch {
    throw badRequest('the request body is not valid JSON');
  }
}

function handleResource(
  ctx: RouteContext,
  method: string,
  url: URL,
  contentType: string,
  target: ResourcePath,
  raw: Buffer,
): RouteResult {
  const { store } = ctx;
  const { info, namespace, name, subresource } = target;
  if (subresource === 'token' && info === SERVICE_ACCOUNT_KIND && method === 'POST') {
    return tokenRequest(ctx, target, parseBody(raw));
  }
  if (subresource !== undefined && subresource !== 'status') {
    throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  }

  if (name === undefined) {
    if (method === 'GET') {
      if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
        throw new ApiError(405, 'MethodNotAllowed', 'the simulator does not support watch');
      }
      const items = store.list(info, namespace, url.searchParams.get('labelSelector') ?? undefined);
      const list = {
        apiVersion: apiVersionOf(info),
        kind: `${info.kind}List`,
        metadata: { resourceVersion: store.listRevision() },
        items,
      };
      return { status: 200, body: list };
    }
    if (method === 'POST') {
      return { status: 201, body: store.create(info, namespace, parseBody(raw)) };
    }
  } else {
    switch (method) {
      case 'GET': {
        const found = store.get(info, name, namespace);
        if (!found) throw notFound(info, name);
        return { status: 200, body: found };
      }
      case 'PUT': {
        const result = store.update(info, name, namespace, parseBody(raw), subresource);
        return { status: 200, body: result };
      }
      case 'PATCH': {
        const patch = raw.length === 0 ? {} : parseBody(raw);
        const result = store.patch(info, name, namespace, contentType, patch, subresource);
        return { status: 200, body: result };
      }
      case 'DELETE':
        if (subresource) break;
        return { status: 200, body: store.delete(info, name, namespace) };
    }
  }
  throw new ApiError(405, 'MethodNotAllowed', `${method} is not supported on ${url.pathname}`);
}

export function route(
  ctx: RouteContext,
  method: string,
  url: URL,
  contentType: string,
  raw: Buffer,
): RouteResult {
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const apiGroup = segments[0] === 'api' ? '' : segments[1];
  const prefix = segments[0] === 'api' ? 2 : 3;
  const isResource = (segments[0] === 'api' || segments[0] === 'apis') && segments.length > prefix;
  const target = isResource
    ? parseResource(apiGroup, segments[prefix - 1], segments.slice(prefix))
    : undefined;

  // Discovery is open to every authenticated caller, as `system:discovery` grants on a cluster.
  if (method === 'GET' && !isResource) {
    const doc = discoveryFor(segments, ctx.hostPort);
    if (doc !== undefined) return { status: 200, body: doc };
  }
  if (!target) {
    throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  }
  checkBootstrapAccess(ctx, method, target);
  return handleResource(ctx, method, url, contentType, target, raw);
}
