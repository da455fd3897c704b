import { Agent } from 'node:https';

import * as core from '../core.js';

import { ActionError, messageOf } from '../errors.js';
import { isTransientNetworkError, isTransientStatus, withRetry } from '../retry.js';
import type { KubeList, KubeStatus } from './ocm.js';
import { RequestTimeoutError, sendRequest, type Response } from './request.js';

/** Where a Kubernetes API server is and how to talk to it. */
export interface KubeClientOptions {
  /** The API server URL; a path after the host (as some proxies use) is kept as a prefix. */
  server: string;
  /** CA bundle, base64 of PEM as in kubeconfigs and DescribeCluster, or PEM text. */
  caData?: string;
  insecure?: boolean;
  /** Called before every request; it may cache, and it should renew tokens near expiry. */
  token?: () => Promise<string>;
  /** PEM client certificate and key, for kubeconfigs that authenticate that way. */
  clientCert?: string;
  clientKey?: string;
  /** How long one request may take before it is abandoned; 30 s unless set. */
  timeoutMs?: number;
  /** Attempts per request, the first included, for transient failures. */
  attempts?: number;
}

/** A failed Kubernetes API call: `status` lets callers act on 404 or 409. */
export class KubeApiError extends ActionError {
  readonly status: number;

  constructor(message: string, status: number, call: string) {
    super(message, { call });
    this.name = 'KubeApiError';
    this.status = status;
  }
}

const HINTS: Record<number, string> = {
  400: 'the API server rejected the request body; check the object being written',
  401:
    'the API server rejected the credentials; check the kubeconfig user (for EKS: an access ' +
    "entry for the caller's IAM principal)",
  403: "the caller lacks RBAC permission for this request; grant it to the caller's identity",
  404: 'the resource or its API is missing; check that OCM is installed on this cluster',
  409: 'the resource already exists or changed meanwhile; run the step again',
  422: 'the API server found the object invalid; check the object being written',
};

function pemOf(caData: string): string {
  return caData.includes('-----BEGIN') ? caData : Buffer.from(caData, 'base64').toString('utf8');
}

/** The API's own explanation: a Status message, else the start of whatever the body held. */
function statusMessage(text: string): string {
  try {
    const status = JSON.parse(text) as KubeStatus;
    if (typeof status.message === 'string' && status.message !== '') return status.message;
  } catch {
    // Not JSON (a proxy's error page, say): fall through to the raw text.
  }
  const line = text.trim().split('\n')[0] ?? '';
  return line === '' ? 'no message' : line.slice(0, 200);
}

/**
 * A small Kubernetes REST client over node:https for the few calls the action makes. Transient
 * failures (429, 5xx, dropped connections, timeouts) are retried; any other failure becomes a
 * KubeApiError that names the call and carries the API server's message.
 */
export class KubeClient {
  private readonly url: URL;
  private readonly basePath: string;
  private readonly agent: Agent;
  private readonly token?: () => Promise<string>;
  private readonly timeoutMs: number;
  private readonly attempts?: number;

  constructor(options: KubeClientOptions) {
    this.url = new URL(options.server);
    this.basePath = this.url.pathname.replace(/\/+$/, '');
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.attempts = options.attempts;
    this.agent = new Agent({
      keepAlive: true,
      ca: options.caData ? pemOf(options.caData) : undefined,
      rejectUnauthorized: options.insecure !== true,
      cert: options.clientCert,
      key: options.clientKey,
    });
  }

  /** The object at `path`, or undefined when it does not exist. */
  async get<T>(path: string): Promise<T | undefined> {
    const response = await this.call('GET', path, undefined, [404]);
    return response.status === 404 ? undefined : this.parse<T>('GET', path, response);
  }

  /** Every item of the collection at `path`, following `continue` tokens. */
  async list<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page = next ? `${path}${separator}continue=${encodeURIComponent(next)}` : path;
      const list = this.parse<KubeList<T>>('GET', page, await this.call('GET', page));
      items.push(...(list.items ?? []));
      next = list.metadata?.continue || undefined;
    } while (next);
    return items;
  }

  /** Creates `body` in the collection at `path`; a 409 means it exists already. */
  async create<T>(path: string, body: unknown): Promise<T> {
    return this.parse<T>('POST', path, await this.call('POST', path, body));
  }

  /** Applies a JSON merge patch (RFC 7386) to the object at `path`. */
  async mergePatch<T>(path: string, patch: unknown): Promise<T> {
    return this.parse<T>('PATCH', path, await this.call('PATCH', path, patch));
  }

  /** Deletes the object at `path`: true when a deletion was requested, false when it was gone. */
  async delete(path: string): Promise<boolean> {
    const response = await this.call('DELETE', path, undefined, [404]);
    return response.status !== 404;
  }

  /** Releases kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  private parse<T>(method: string, path: string, response: Response): T {
    try {
      return JSON.parse(response.text) as T;
    } catch (error) {
      throw new ActionError(
        `${method} ${path} returned a body that is not JSON; check that the kubeconfig's ` +
          'server is a Kubernetes API server.',
        { call: `${method} ${path}`, cause: error },
      );
    }
  }

  private async call(
    method: string,
    path: string,
    body?: unknown,
    accepted: number[] = [],
  ): Promise<Response> {
    const call = `${method} ${path}`;
    let response: Response;
    try {
      response = await withRetry(
        async () => {
          const answer = await this.once(method, path, body);
          if (isTransientStatus(answer.status)) throw this.apiError(call, answer);
          return answer;
        },
        {
          attempts: this.attempts,
          retryable: (error) =>
            (error instanceof KubeApiError && isTransientStatus(error.status)) ||
            isTransientNetworkError(error),
          onRetry: (error, attempt, delayMs) => {
            const reason =
              error instanceof KubeApiError ? `HTTP ${error.status}` : messageOf(error);
            core.debug(`${call}: attempt ${attempt} failed (${reason}); retrying in ${delayMs} ms`);
          },
        },
      );
    } catch (error) {
      if (error instanceof ActionError) throw error;
      const problem =
        error instanceof RequestTimeoutError
          ? `got no answer within ${this.timeoutMs / 1000} s`
          : `could not reach the API server (${messageOf(error)})`;
      throw new ActionError(
        `${call} on ${this.url.host} ${problem}; check the cluster endpoint, its CA and the ` +
          "runner's network access to it.",
        { call, cause: error },
      );
    }

    if ((response.status >= 200 && response.status < 300) || accepted.includes(response.status)) {
      return response;
    }
    throw this.apiError(call, response);
  }

  private apiError(call: string, response: Response): KubeApiError {
    const hint = HINTS[response.status] ?? "check the API server's health and run the step again";
    return new KubeApiError(
      `${call} failed with HTTP ${response.status}: ${statusMessage(response.text)}; ${hint}.`,
      response.status,
      call,
    );
  }

  private async bearer(token: () => Promise<string>, call: string): Promise<string> {
    try {
      return await token();
    } catch (error) {
      if (error instanceof ActionError) throw error;
      throw new ActionError(
        `${call} could not get a token for the API server: ${messageOf(error)}; check the ` +
          'credentials this job uses for the cluster.',
        { call, cause: error },
      );
    }
  }

  private async once(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.token) {
      headers.Authorization = `Bearer ${await this.bearer(this.token, `${method} ${path}`)}`;
    }
    const payload = body === undefined ? undefined : JSON.stringify(body);
    if (payload !== undefined) {
      headers['Content-Type'] =
        method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(payload));
    }

    return sendRequest({
      agent: this.agent,
      url: this.url,
      method,
      path: this.basePath + path,
      headers,
      payload,
      timeoutMs: this.timeoutMs,
    });
  }
}
