// A fake Kubernetes API server for one cluster (the hub or a spoke), serving the OCM kinds over
// HTTPS on 127.0.0.1 with simulated controllers, for tests and the local demo.

import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Authenticator, type VerifyEksToken } from './kube/auth.js';
import { type ControllerHooks, Controllers } from './kube/controllers.js';
import { MANAGED_CLUSTER_KIND, requireKind } from './kube/resources.js';
import { route } from './kube/router.js';
import { ApiError, statusBody } from './kube/status.js';
import { ObjectStore } from './kube/store.js';
import { makeServerTls } from './kube/tls.js';
import type { AuthKind, KubeObject, RequestRecord } from './kube/types.js';

export type { AuthKind, Condition, KubeObject, RequestRecord } from './kube/types.js';
export { eksTokenProblem } from './kube/auth.js';

export interface KubeApiSimOptions {
  name: string;
  verifyEksToken?: VerifyEksToken;
  conditionDelayMs?: number;
  tokenTtlSeconds?: number;
  tokenPrefix?: string;
}

export interface RequestFilter {
  method?: string;
  path?: string | RegExp;
  write?: boolean;
  auth?: AuthKind;
  status?: number;
}

export interface Injection {
  match: RegExp;
  status: number;
  times?: number;
  method?: string;
}

const FAILURE_REASONS: Record<number, string> = {
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export class KubeApiSim implements ControllerHooks {
  readonly requests: RequestRecord[] = [];
  /** Whether the hub may drop the cleanup finalizer of a deleted ManagedCluster yet. */
  canReleaseFinalizer: (name: string) => boolean | Promise<boolean> = () => true;
  /** Called when the hub accepts a cluster; a rejection turns into an `Error` condition. */
  onAccepted?: (name: string, obj: KubeObject) => void | Promise<void>;
  /** Called after the cleanup finalizer of a deleted ManagedCluster is removed. */
  onReleased?: (name: string) => void | Promise<void>;

  private readonly store = new ObjectStore();
  private readonly controllers: Controllers;
  private readonly auth: Authenticator;
  private injections: Array<Injection & { left: number }> = [];
  private server?: Server;
  private address = '';

  private constructor(
    readonly name: string,
    readonly caPem: string,
    private readonly options: KubeApiSimOptions,
  ) {
    this.auth = new Authenticator(options.verifyEksToken, options.tokenPrefix ?? '');
    this.controllers = new Controllers(this.store, options.conditionDelayMs ?? 150, () => this);
  }

  static async start(options: KubeApiSimOptions): Promise<KubeApiSim> {
    const tls = await makeServerTls(options.name);
    const sim = new KubeApiSim(options.name, tls.caPem, options);
    const server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
      void sim.handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    sim.server = server;
    sim.address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    return sim;
  }

  /** `https://127.0.0.1:PORT` */
  get url(): string {
    return `https://${this.address}`;
  }

  /** Base64 of the CA PEM, as EKS reports `certificateAuthority.data`. */
  get caData(): string {
    return Buffer.from(this.caPem).toString('base64');
  }

  addStaticToken(token: string): void {
    this.auth.staticTokens.add(token);
  }

  /** Mints a bootstrap token directly, as the TokenRequest API would. */
  issueBootstrapToken(ttlSeconds?: number): { token: string; expirationTimestamp: string } {
    return this.auth.issueBootstrapToken(ttlSeconds ?? this.options.tokenTtlSeconds ?? 3600);
  }

  get(apiVersion: string, kindOrPlural: string, name: string, namespace?: string) {
    return this.store.get(requireKind(apiVersion, kindOrPlural), name, namespace);
  }

  list(apiVersion: string, kindOrPlural: string, namespace?: string): KubeObject[] {
    return this.store.list(requireKind(apiVersion, kindOrPlural), namespace);
  }

  /**
   * Seeds or tampers with an object as given. Controllers react to it unless `reconcile` is
   * false, which keeps a tampered status in place.
   */
  put(obj: KubeObject, options: { reconcile?: boolean } = {}): KubeObject {
    return this.store.put(obj, options.reconcile ?? true);
  }

  /** Tells `listener` about every stored change, so that a fleet can link clusters together. */
  onObjectChange(
    listener: (obj: KubeObject, type: 'ADDED' | 'MODIFIED' | 'DELETED') => void,
  ): void {
    this.store.onChange((_, obj, type) => listener(obj, type as 'ADDED' | 'MODIFIED' | 'DELETED'));
  }

  /** Removes an object at once, ignoring its finalizers. */
  remove(apiVersion: string, kindOrPlural: string, name: string, namespace?: string): boolean {
    return this.store.remove(requireKind(apiVersion, kindOrPlural), name, namespace);
  }

  /** Makes the hub's acceptance of `name` fail with `message`; null restores success. */
  failAccept(name: string, message: string | null): void {
    if (message === null) this.controllers.acceptFailures.delete(name);
    else this.controllers.acceptFailures.set(name, message);
    this.controllers.enqueue(MANAGED_CLUSTER_KIND, name);
  }

  /** Answers requests whose path matches with `status`, `times` times (default: always). */
  inject(injection: Injection): void {
    this.injections.push({ ...injection, left: injection.times ?? Number.POSITIVE_INFINITY });
  }

  clearInjections(): void {
    this.injections = [];
  }

  count(filter: RequestFilter | ((r: RequestRecord) => boolean) = {}): number {
    const test =
      typeof filter === 'function'
        ? filter
        : (r: RequestRecord) =>
            (filter.method === undefined || r.method === filter.method.toUpperCase()) &&
            (filter.write === undefined || r.write === filter.write) &&
            (filter.auth === undefined || r.auth === filter.auth) &&
            (filter.status === undefined || r.status === filter.status) &&
            (filter.path === undefined ||
              (typeof filter.path === 'string'
                ? r.path === filter.path
                : filter.path.test(r.path)));
    return this.requests.filter(test).length;
  }

  resetLog(): void {
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    this.controllers.close();
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private takeInjection(method: string, path: string): number | undefined {
    const hit = this.injections.find(
      (i) => i.left > 0 && i.match.test(path) && (!i.method || i.method.toUpperCase() === method),
    );
    if (!hit) return undefined;
    hit.left -= 1;
    return hit.status;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', this.url);
    const write = method !== 'GET' && method !== 'HEAD';
    const record: RequestRecord = { method, path: url.pathname, write, auth: 'none', status: 0 };
    try {
      const raw = await readBody(req);
      const identity = await this.auth.authenticate(req.headers.authorization);
      if (!identity) throw new ApiError(401, 'Unauthorized', 'Unauthorized');
      record.auth = identity.kind;
      const injected = this.takeInjection(method, url.pathname);
      if (injected !== undefined) {
        const reason = FAILURE_REASONS[injected] ?? 'InternalError';
        throw new ApiError(injected, reason, `simulated ${injected} from ${this.name}`);
      }
      const ctx = {
        store: this.store,
        identity,
        hostPort: this.address,
        issueToken: (requested: number | undefined) =>
          this.auth.issueBootstrapToken(this.options.tokenTtlSeconds ?? requested ?? 3600),
      };
      const result = route(ctx, method, url, String(req.headers['content-type'] ?? ''), raw);
      send(res, result.status, result.body);
    } catch (error) {
      if (error instanceof ApiError) {
        send(res, error.code, statusBody(error.code, error.reason, error.message, error.details));
      } else {
        const message = error instanceof Error ? error.message : String(error);
        send(res, 500, statusBody(500, 'InternalError', message));
      }
    }
    record.status = res.statusCode;
    this.requests.push(record);
  }
}
