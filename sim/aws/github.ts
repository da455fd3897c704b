import { randomBytes, randomUUID } from 'node:crypto';
import type { JwtClaims, JwtKeys } from './jwt.js';
import type { SimResponse } from './context.js';

/**
 * GitHub's OIDC token endpoint as a job sees it: ACTIONS_ID_TOKEN_REQUEST_URL answers a GET
 * carrying the request token as a bearer with `{"value": <JWT>}` for the asked audience.
 */

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const DEFAULT_SUB = 'repo:octo-org/fleet:ref:refs/heads/main';
export const GITHUB_TOKEN_PATH = '/_github/token';

export interface GithubTokenOptions {
  sub?: string;
  audience?: string;
  /** Lifetime in seconds from now; negative mints an already expired token. */
  expiresIn?: number;
}

/** Claims of a job's token; repository and ref are read back out of a `repo:` subject. */
export function githubClaims(options: GithubTokenOptions = {}): JwtClaims {
  const sub = options.sub ?? DEFAULT_SUB;
  const now = Math.floor(Date.now() / 1000);
  const repo = /^repo:([^/]+)\/([^:]+):(?:ref:(.+))?/.exec(sub);
  const owner = repo?.[1] ?? 'octo-org';
  return {
    jti: randomUUID(),
    iss: GITHUB_ISSUER,
    sub,
    aud: options.audience ?? `https://github.com/${owner}`,
    iat: now,
    nbf: now - 5,
    exp: now + (options.expiresIn ?? 300),
    repository: repo ? `${repo[1]}/${repo[2]}` : 'octo-org/fleet',
    repository_owner: owner,
    ref: repo?.[3] ?? 'refs/heads/main',
    event_name: 'workflow_dispatch',
    runner_environment: 'github-hosted',
  };
}

export class GithubOidc {
  private readonly requestTokens = new Map<string, { sub?: string }>();

  constructor(private readonly keys: JwtKeys) {}

  /** A request token for one simulated job whose tokens carry this subject. */
  newRequestToken(sub?: string): string {
    const token = randomBytes(24).toString('hex');
    this.requestTokens.set(token, { sub });
    return token;
  }

  handle(query: URLSearchParams, authorization: string | undefined): SimResponse {
    const json = { 'content-type': 'application/json' };
    const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const job = bearer === undefined ? undefined : this.requestTokens.get(bearer);
    if (!job) {
      return { status: 401, headers: json, body: JSON.stringify({ message: 'Bad credentials' }) };
    }
    const claims = githubClaims({ sub: job.sub, audience: query.get('audience') ?? undefined });
    return {
      status: 200,
      headers: json,
      body: JSON.stringify({ count: 1, value: this.keys.sign(claims) }),
    };
  }
}
