import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Service } from './aws/context.js';
import { verifyEksToken, type EksCaller } from './aws/eks-token.js';
import { Faults, type FaultSpec } from './aws/faults.js';
import { GITHUB_ISSUER, GITHUB_TOKEN_PATH, GithubOidc, githubClaims } from './aws/github.js';
import type { GithubTokenOptions } from './aws/github.js';
import { JwtKeys, type JwtClaims } from './aws/jwt.js';
import { Router, type LogEntry } from './aws/router.js';
import { addCluster, addGithubRole, addOidcProvider, putRole, viewRole } from './aws/seed.js';
import type { ClusterSeed, RoleSeed, RoleView } from './aws/seed.js';
import { AwsState, awsId, randomSecret } from './aws/state.js';

export type { EksCaller, FaultSpec, GithubTokenOptions, JwtClaims, LogEntry, Service };
export type { ClusterSeed, RoleSeed, RoleView };
export type { FaultKind } from './aws/faults.js';
export { GITHUB_ISSUER };

/**
 * A local stand-in for the AWS APIs the action calls (IAM, STS, EKS) and for GitHub's OIDC
 * token endpoint, all on one HTTP server on 127.0.0.1. Requests are verified with SigV4, so a
 * client that signs wrongly fails here as it would against AWS.
 */

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface LogFilter {
  service?: Service;
  action?: string;
  write?: boolean;
  account?: string;
}

export class AwsSim {
  readonly url: string;
  private readonly state = new AwsState();
  private readonly keys = new JwtKeys();
  private readonly github = new GithubOidc(this.keys);
  private readonly faults: Faults;
  private readonly router: Router;
  private readonly defaultKeys = new Map<string, AccessKey>();

  private constructor(
    private readonly server: Server,
    port: number,
    faults: Faults,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.faults = faults;
    this.router = new Router(this.state, faults, this.keys, this.github);
    server.on('request', (req, res) => {
      this.router.handle(req, res).catch((error: unknown) => {
        if (res.headersSent) return res.destroy();
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`simulation error: ${(error as Error).message}`);
      });
    });
  }

  static async start(options: { rateLimitPerSecond?: number } = {}): Promise<AwsSim> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new AwsSim(server, port, new Faults(options.rateLimitPerSecond));
  }

  async close(): Promise<void> {
    this.router.releaseHung();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // Accounts and credentials.

  addAccount(accountId: string): void {
    this.state.addAccount(accountId);
  }

  /** A long-lived access key of the account's user `sim`. */
  addAccessKey(accountId: string): AccessKey {
    this.state.requireAccount(accountId);
    const key: AccessKey = { accessKeyId: awsId('AKIA'), secretAccessKey: randomSecret() };
    this.state.keys.set(key.accessKeyId, {
      ...key,
      account: accountId,
      arn: `arn:aws:iam::${accountId}:user/sim`,
      userId: `AIDA${accountId}SIM`,
    });
    return key;
  }

  /** Environment for a child process acting in this account with the account's default key. */
  env(accountId: string, region = 'us-east-1'): Record<string, string> {
    let key = this.defaultKeys.get(accountId);
    if (!key) {
      key = this.addAccessKey(accountId);
      this.defaultKeys.set(accountId, key);
    }
    return {
      AWS_ENDPOINT_URL: this.url,
      AWS_ACCESS_KEY_ID: key.accessKeyId,
      AWS_SECRET_ACCESS_KEY: key.secretAccessKey,
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_EC2_METADATA_DISABLED: 'true',
    };
  }

  // GitHub OIDC.

  /** Variables a job with `id-token: write` gets; its tokens carry `sub`. */
  githubEnv(options: { sub?: string } = {}): Record<string, string> {
    return {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${this.url}${GITHUB_TOKEN_PATH}?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.github.newRequestToken(options.sub),
    };
  }

  /** A GitHub OIDC token minted directly, e.g. for a web-identity-token-file. */
  githubToken(options: GithubTokenOptions = {}): string {
    return this.keys.sign(githubClaims({ audience: 'sts.amazonaws.com', ...options }));
  }

  /** Any web identity token with arbitrary claims, signed with the RS256 key or the secret. */
  signWebIdentityToken(claims: JwtClaims, algorithm: 'RS256' | 'HS256' = 'RS256'): string {
    return this.keys.sign(claims, algorithm);
  }

  /** Secret that HS256 web identity tokens are signed with. */
  get sharedSecret(): string {
    return this.keys.sharedSecret;
  }

  /** Registers GitHub's OIDC provider in the account and a role that trusts it. */
  addGithubRole(
    account: string,
    roleName: string,
    options: { sub?: string; audience?: string } = {},
  ): string {
    return addGithubRole(this.state, account, roleName, options);
  }

  // OIDC providers and clusters.

  addOidcProvider(account: string, issuerUrl: string, clientIds = ['sts.amazonaws.com']): string {
    return addOidcProvider(this.state, account, issuerUrl, clientIds);
  }

  removeOidcProvider(arn: string): void {
    this.state.oidcProviders.delete(arn);
  }

  /** Returns the cluster ARN; the issuer and endpoint default to ones derived from the name. */
  addCluster(seed: ClusterSeed): string {
    return addCluster(this.state, seed);
  }

  setClusterEndpoint(arn: string, endpoint: string, caData: string): void {
    const cluster = this.state.findClusterByArn(arn);
    if (!cluster) throw new Error(`No simulated cluster ${arn}.`);
    cluster.endpoint = endpoint;
    cluster.caData = caData;
  }

  // Roles, for seeding and inspection.

  role(account: string, name: string): RoleView | undefined {
    return viewRole(this.state, account, name);
  }

  /** Creates the role or overwrites the given fields in place, keeping its RoleId. */
  putRole(account: string, seed: RoleSeed): RoleView {
    return putRole(this.state, account, seed);
  }

  /** Deletes a role outright, as another actor in the account would. */
  removeRole(account: string, name: string): boolean {
    const had = this.state.getRole(account, name) !== undefined;
    this.state.deleteRole(account, name);
    return had;
  }

  // Least privilege, faults, log.

  setPrincipalPolicy(roleArn: string, policy: object | undefined): void {
    if (policy) this.state.principalPolicies.set(roleArn, structuredClone(policy));
    else this.state.principalPolicies.delete(roleArn);
  }

  inject(fault: FaultSpec): void {
    this.faults.inject(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  get requests(): LogEntry[] {
    return this.router.requests;
  }

  count(filter: LogFilter = {}): number {
    return this.requests.filter(
      (r) =>
        (filter.service === undefined || r.service === filter.service) &&
        (filter.action === undefined || r.action === filter.action) &&
        (filter.write === undefined || r.write === filter.write) &&
        (filter.account === undefined || r.account === filter.account),
    ).length;
  }

  resetLog(): void {
    this.router.requests.length = 0;
  }

  async verifyEksToken(token: string, clusterName: string): Promise<EksCaller> {
    return verifyEksToken(this.state, token, clusterName);
  }
}
