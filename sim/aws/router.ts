import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './auth.js';
import { isWriteAction, type CallContext, type Service, type SimResponse } from './context.js';
import { describeCluster, eksRoute } from './eks.js';
import { SimAwsError } from './errors.js';
import { faultError, type Faults } from './faults.js';
import { GITHUB_TOKEN_PATH, type GithubOidc } from './github.js';
import { IAM_HANDLERS } from './iam.js';
import type { JwtKeys } from './jwt.js';
import { identityPolicyAllows } from './policy.js';
import { parseQuery, readClaim, type WireRequest } from './sigv4.js';
import type { AwsState, Principal } from './state.js';
import { assumeRoleWithWebIdentity, getCallerIdentity } from './sts.js';
import { IAM_NAMESPACE, STS_NAMESPACE, queryError, queryResponse } from './xml.js';

/** Turns one HTTP request into a service call: route, authenticate, fault, answer, log. */

export interface LogEntry {
  service: Service;
  action: string;
  account?: string;
  principal?: string;
  write: boolean;
  /** HTTP status, or 0 when the simulation hung up or never answered. */
  status: number;
}

const STS_ACTIONS = new Set(['AssumeRoleWithWebIdentity', 'GetCallerIdentity', 'AssumeRole']);

/** restJson1 services name the same failures differently from awsQuery ones. */
const EKS_CODES: Record<string, string> = {
  InvalidClientTokenId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
  ExpiredToken: 'ExpiredTokenException',
  AccessDenied: 'AccessDeniedException',
  MissingAuthenticationToken: 'MissingAuthenticationTokenException',
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function render(service: Service, error: SimAwsError): SimResponse {
  const requestId = randomUUID();
  if (service === 'eks') {
    const code = EKS_CODES[error.code] ?? error.code;
    return {
      status: error.status,
      headers: {
        'content-type': 'application/json',
        'x-amzn-errortype': code,
        'x-amzn-requestid': requestId,
      },
      body: JSON.stringify({ message: error.message }),
    };
  }
  const namespace = service === 'iam' ? IAM_NAMESPACE : STS_NAMESPACE;
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: queryError(namespace, error),
  };
}

export class Router {
  readonly requests: LogEntry[] = [];
  private readonly hung = new Set<ServerResponse>();

  constructor(
    private readonly state: AwsState,
    private readonly faults: Faults,
    private readonly keys: JwtKeys,
    private readonly github: GithubOidc,
  ) {}

  /** Ends every request held open by a hang fault. */
  releaseHung(): void {
    for (const res of this.hung) res.destroy();
    this.hung.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = q < 0 ? '' : rawUrl.slice(q + 1);

    if (path === GITHUB_TOKEN_PATH) {
      return send(res, this.github.handle(new URLSearchParams(query), req.headers.authorization));
    }

    const wire: WireRequest = {
      method: req.method ?? 'GET',
      path,
      query,
      headers: req.headers,
      body,
    };
    const claim = readClaim(wire);
    const isForm = (req.headers['content-type'] ?? '').includes('x-www-form-urlencoded');
    const params = new Map([
      ...parseQuery(query),
      ...(isForm ? parseQuery(body.toString('utf8').replace(/\+/g, '%20')) : []),
    ]);
    const formAction = params.get('Action') ?? '';
    let service: Service;
    if (claim && ['iam', 'sts', 'eks'].includes(claim.service)) service = claim.service as Service;
    else if (path.startsWith('/clusters')) service = 'eks';
    else service = STS_ACTIONS.has(formAction) ? 'sts' : 'iam';
    const route = service === 'eks' ? eksRoute(wire.method, path) : { action: formAction };
    const entry: LogEntry = {
      service,
      action: route.action,
      write: isWriteAction(route.action),
      status: 0,
    };
    this.requests.push(entry);

    try {
      let caller: Principal | undefined;
      if (route.action === 'AssumeRoleWithWebIdentity') {
        entry.account = /^arn:aws:iam::(\d{12}):/.exec(params.get('RoleArn') ?? '')?.[1];
      } else if (!claim) {
        throw new SimAwsError(
          403,
          'MissingAuthenticationToken',
          'Request is missing Authentication Token',
        );
      } else {
        caller = authenticate(this.state, wire, claim);
        entry.account = caller.account;
        entry.principal = caller.arn;
      }

      if (this.faults.overRateLimit(service)) {
        throw new SimAwsError(400, 'Throttling', 'Rate exceeded');
      }
      const fault = this.faults.take(service, route.action);
      if (fault?.kind === 'hang') {
        this.hung.add(res);
        return;
      }
      if (fault?.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault && fault.kind !== 'concurrent-create') throw faultError(service, fault);

      const ctx: CallContext = {
        state: this.state,
        account: caller?.account ?? entry.account ?? '',
        region: claim?.region ?? 'us-east-1',
        caller,
        params,
        authorize: (action, resource) => this.authorize(service, caller, action, resource),
        concurrentCreate: fault?.kind === 'concurrent-create',
      };
      const answer = this.dispatch(service, route.action, ctx, (route as { name?: string }).name);
      entry.status = answer.status;
      send(res, answer);
    } catch (error) {
      if (!(error instanceof SimAwsError)) throw error;
      const answer = render(service, error);
      entry.status = answer.status;
      send(res, answer);
    }
  }

  private dispatch(service: Service, action: string, ctx: CallContext, name?: string) {
    const ok = (namespace: string, result: ReturnType<(typeof IAM_HANDLERS)[string]>) => ({
      status: 200,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() },
      body: queryResponse(namespace, action, result),
    });
    if (service === 'eks') {
      const result = describeCluster(ctx, action === 'DescribeCluster' ? name : undefined);
      return {
        status: 200,
        headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() },
        body: JSON.stringify(result),
      };
    }
    if (service === 'sts' && action === 'AssumeRoleWithWebIdentity') {
      return ok(STS_NAMESPACE, assumeRoleWithWebIdentity(ctx, this.keys));
    }
    // No policy can deny GetCallerIdentity: AWS answers it for any valid credentials.
    if (service === 'sts' && action === 'GetCallerIdentity') {
      return ok(STS_NAMESPACE, getCallerIdentity(ctx));
    }
    const handler = service === 'iam' ? IAM_HANDLERS[action] : undefined;
    if (!handler) {
      const version = service === 'iam' ? '2010-05-08' : '2011-06-15';
      throw new SimAwsError(
        400,
        'InvalidAction',
        `Could not find operation ${action} for version ${version}`,
      );
    }
    return ok(IAM_NAMESPACE, handler(ctx));
  }

  private authorize(
    service: Service,
    caller: Principal | undefined,
    action: string,
    resource: string,
  ) {
    const policy = caller?.roleArn ? this.state.principalPolicies.get(caller.roleArn) : undefined;
    if (!caller || !policy) return;
    if (identityPolicyAllows(policy, { action, resource, principalAccount: caller.account }))
      return;
    throw new SimAwsError(
      403,
      service === 'eks' ? 'AccessDeniedException' : 'AccessDenied',
      `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${resource} ` +
        `because no identity-based policy allows the ${action} action`,
    );
  }
}

function send(res: ServerResponse, answer: SimResponse): void {
  res.writeHead(answer.status, {
    ...answer.headers,
    'content-length': Buffer.byteLength(answer.body),
  });
  res.end(answer.body);
}
