import { createHash, randomBytes } from 'node:crypto';

/** Everything the simulated AWS accounts hold, shared by the IAM, STS and EKS handlers. */

export interface InlinePolicy {
  /** The document exactly as it was put, because IAM hands back the caller's own text. */
  text: string;
  doc: object;
}

export interface RoleRecord {
  account: string;
  name: string;
  roleId: string;
  arn: string;
  path: string;
  createDate: Date;
  description?: string;
  maxSessionDuration: number;
  trustText: string;
  trust: object;
  inlinePolicies: Map<string, InlinePolicy>;
  tags: Map<string, string>;
}

export interface OidcProviderRecord {
  account: string;
  arn: string;
  /** Issuer without its scheme, as IAM stores it: host plus path. */
  url: string;
  clientIds: string[];
  thumbprints: string[];
  createDate: Date;
}

export interface ClusterRecord {
  account: string;
  region: string;
  name: string;
  arn: string;
  endpoint: string;
  caData: string;
  oidcIssuer: string;
  authenticationMode: string;
  createdAt: Date;
}

/** Whoever holds an access key: an IAM user with a long-lived key, or an assumed-role session. */
export interface Principal {
  accessKeyId: string;
  secretAccessKey: string;
  account: string;
  arn: string;
  userId: string;
  sessionToken?: string;
  roleArn?: string;
  expiration?: Date;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Upper-case identifier in the style of AWS unique IDs (AROA…, AKIA…, ASIA…). */
export function awsId(prefix: string, length = 16): string {
  const bytes = randomBytes(length);
  return prefix + Array.from(bytes, (b) => ALNUM[b % ALNUM.length]).join('');
}

export function randomSecret(): string {
  return randomBytes(30).toString('base64').replace(/[+/]/g, 'x');
}

export function roleArn(account: string, name: string): string {
  return `arn:aws:iam::${account}:role/${name}`;
}

/** `https://host/path` or `host/path` to IAM's form of an issuer: `host/path`. */
export function issuerHostPath(issuerUrl: string): string {
  return issuerUrl.replace(/^https:\/\//, '').replace(/\/+$/, '');
}

export function oidcProviderArn(account: string, issuerUrl: string): string {
  return `arn:aws:iam::${account}:oidc-provider/${issuerHostPath(issuerUrl)}`;
}

/** A stable, cluster-specific 32-character ID like the one in EKS issuer URLs. */
export function clusterOidcId(account: string, name: string): string {
  return createHash('md5').update(`${account}/${name}`).digest('hex').toUpperCase();
}

export class AwsState {
  readonly accounts = new Set<string>();
  readonly keys = new Map<string, Principal>();
  readonly roles = new Map<string, RoleRecord>();
  readonly oidcProviders = new Map<string, OidcProviderRecord>();
  readonly clusters = new Map<string, ClusterRecord>();
  /** Least-privilege policies keyed by role ARN; absent means the role may do anything. */
  readonly principalPolicies = new Map<string, object>();

  addAccount(account: string): void {
    if (!/^\d{12}$/.test(account)) throw new Error(`Account ID ${account} is not 12 digits.`);
    this.accounts.add(account);
  }

  requireAccount(account: string): void {
    if (!this.accounts.has(account)) this.addAccount(account);
  }

  /** IAM names are unique regardless of case, so the key folds case. */
  private roleKey(account: string, name: string): string {
    return `${account}/${name.toLowerCase()}`;
  }

  getRole(account: string, name: string): RoleRecord | undefined {
    return this.roles.get(this.roleKey(account, name));
  }

  setRole(role: RoleRecord): void {
    this.roles.set(this.roleKey(role.account, role.name), role);
  }

  deleteRole(account: string, name: string): void {
    this.roles.delete(this.roleKey(account, name));
  }

  newRole(account: string, name: string, trustText: string, trust: object): RoleRecord {
    return {
      account,
      name,
      roleId: awsId('AROA', 17),
      arn: roleArn(account, name),
      path: '/',
      createDate: new Date(),
      maxSessionDuration: 3600,
      trustText,
      trust,
      inlinePolicies: new Map(),
      tags: new Map(),
    };
  }

  providersOf(account: string): OidcProviderRecord[] {
    return [...this.oidcProviders.values()].filter((p) => p.account === account);
  }

  clusterKey(account: string, region: string, name: string): string {
    return `${account}/${region}/${name}`;
  }

  findClusterByArn(arn: string): ClusterRecord | undefined {
    return [...this.clusters.values()].find((c) => c.arn === arn);
  }
}
