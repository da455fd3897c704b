// Bearer authentication: EKS tokens (a presigned STS GetCallerIdentity URL), bootstrap tokens
// this server issued through the TokenRequest API, and static tokens tests register.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import type { AuthKind } from './types.js';

export const BOOTSTRAP_NAMESPACE = 'open-cluster-management';
export const BOOTSTRAP_SERVICE_ACCOUNT = 'agent-registration-bootstrap';
export const BOOTSTRAP_SUBJECT = `system:serviceaccount:${BOOTSTRAP_NAMESPACE}:${BOOTSTRAP_SERVICE_ACCOUNT}`;

const EKS_PREFIX = 'k8s-aws-v1.';
const STS_HOST = /^sts\.[a-z0-9-]+\.amazonaws\.com$/;
// STS honours a presigned URL for 15 minutes from its signing time.
const EKS_TOKEN_LIFETIME_MS = 15 * 60 * 1000;

export type VerifyEksToken = (token: string) => Promise<{ arn: string }>;

export interface Identity {
  kind: AuthKind;
  user: string;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}

/** Returns why an EKS token is malformed, or undefined when its shape is right. */
export function eksTokenProblem(token: string, nowMs = Date.now()): string | undefined {
  if (!token.startsWith(EKS_PREFIX)) return 'missing k8s-aws-v1. prefix';
  const encoded = token.slice(EKS_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return 'payload is not base64url without padding';
  let url: URL;
  try {
    url = new URL(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return 'payload is not a URL';
  }
  const query = url.searchParams;
  if (url.protocol !== 'https:') return 'URL is not https';
  if (!STS_HOST.test(url.hostname)) return `host ${url.hostname} is not a regional STS endpoint`;
  if (query.get('Action') !== 'GetCallerIdentity') return 'Action is not GetCallerIdentity';
  if (!query.get('X-Amz-Signature')) return 'X-Amz-Signature is missing';
  const signed = (query.get('X-Amz-SignedHeaders') ?? '').split(';');
  if (!signed.includes('x-k8s-aws-id')) return 'x-k8s-aws-id is not a signed header';
  if (query.get('X-Amz-Expires') !== '60') return 'X-Amz-Expires is not 60';
  const date = query.get('X-Amz-Date');
  if (date !== null) {
    const signedAt = parseAmzDate(date);
    if (Number.isNaN(signedAt)) return 'X-Amz-Date is malformed';
    if (nowMs - signedAt > EKS_TOKEN_LIFETIME_MS) return 'token is older than 15 minutes';
  }
  return undefined;
}

export class Authenticator {
  readonly staticTokens = new Set<string>();
  private readonly secret = randomBytes(32);

  constructor(
    private readonly verifyEksToken?: VerifyEksToken,
    private readonly tokenPrefix = '',
  ) {
    if (!/^[A-Za-z0-9_-]*$/.test(tokenPrefix)) {
      throw new Error('tokenPrefix may hold only base64url characters (A-Z a-z 0-9 _ -)');
    }
  }

  /** Mints a service-account style JWT for the bootstrap service account. */
  issueBootstrapToken(ttlSeconds: number): { token: string; expirationTimestamp: string } {
    const issuedAt = Math.floor(Date.now() / 1000);
    const exp = issuedAt + ttlSeconds;
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(
      JSON.stringify({
        iss: 'kubernetes/serviceaccount',
        aud: ['https://kubernetes.default.svc'],
        sub: BOOTSTRAP_SUBJECT,
        iat: issuedAt,
        nbf: issuedAt,
        exp,
        jti: randomBytes(8).toString('hex'),
      }),
    );
    // The prefix sits in the signature part, so the header and claims stay decodable JWT parts.
    const token = `${header}.${payload}.${this.tokenPrefix}${this.sign(`${header}.${payload}`)}`;
    const expirationTimestamp = new Date(exp * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return { token, expirationTimestamp };
  }

  async authenticate(authorization: string | undefined): Promise<Identity | undefined> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return undefined;
    const token = match[1];
    if (this.staticTokens.has(token)) return { kind: 'static', user: 'static-token-user' };
    if (token.startsWith(EKS_PREFIX)) return this.authenticateEks(token);
    return this.authenticateBootstrap(token);
  }

  private async authenticateEks(token: string): Promise<Identity | undefined> {
    if (eksTokenProblem(token) !== undefined) return undefined;
    if (!this.verifyEksToken) return { kind: 'eks', user: 'eks-token-user' };
    try {
      const { arn } = await this.verifyEksToken(token);
      return { kind: 'eks', user: arn };
    } catch {
      return undefined;
    }
  }

  private authenticateBootstrap(token: string): Identity | undefined {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts[2].startsWith(this.tokenPrefix)) return undefined;
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2].slice(this.tokenPrefix.length));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let claims: { sub?: string; exp?: number };
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (claims.sub !== BOOTSTRAP_SUBJECT) return undefined;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return undefined;
    return { kind: 'bootstrap', user: BOOTSTRAP_SUBJECT };
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}
