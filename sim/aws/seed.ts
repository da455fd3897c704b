import { GITHUB_ISSUER } from './github.js';
import {
  clusterOidcId,
  issuerHostPath,
  oidcProviderArn,
  type AwsState,
  type RoleRecord,
} from './state.js';

/** Direct writes into the simulated accounts, for tests that seed or tamper with state. */

export interface RoleView {
  roleId: string;
  arn: string;
  trust: object;
  inlinePolicies: Record<string, object>;
  tags: Record<string, string>;
  description?: string;
  maxSessionDuration: number;
}

export interface RoleSeed {
  name: string;
  trust?: object;
  inlinePolicies?: Record<string, object>;
  tags?: Record<string, string>;
  description?: string;
  maxSessionDuration?: number;
}

export interface ClusterSeed {
  account: string;
  region: string;
  name: string;
  endpoint?: string;
  caData?: string;
  oidcIssuer?: string;
  authenticationMode?: string;
}

/** Not a usable CA: a cluster that is really served gets its own with setClusterEndpoint. */
const PLACEHOLDER_CA = Buffer.from(
  '-----BEGIN CERTIFICATE-----\nc2ltdWxhdGVkIGNsdXN0ZXIgQ0E=\n-----END CERTIFICATE-----\n',
).toString('base64');

const copy = <T>(value: T): T => structuredClone(value);

export function viewRole(state: AwsState, account: string, name: string): RoleView | undefined {
  const role = state.getRole(account, name);
  if (!role) return undefined;
  return copy({
    roleId: role.roleId,
    arn: role.arn,
    trust: role.trust,
    inlinePolicies: Object.fromEntries([...role.inlinePolicies].map(([n, p]) => [n, p.doc])),
    tags: Object.fromEntries(role.tags),
    description: role.description,
    maxSessionDuration: role.maxSessionDuration,
  });
}

/** Creates the role or overwrites the given fields in place, keeping its RoleId. */
export function putRole(state: AwsState, account: string, seed: RoleSeed): RoleView {
  state.requireAccount(account);
  const trust = seed.trust ?? { Version: '2012-10-17', Statement: [] };
  let role: RoleRecord | undefined = state.getRole(account, seed.name);
  if (!role) {
    role = state.newRole(account, seed.name, JSON.stringify(trust), copy(trust));
    state.setRole(role);
  }
  if (seed.trust) {
    role.trust = copy(seed.trust);
    role.trustText = JSON.stringify(seed.trust);
  }
  if (seed.inlinePolicies) {
    role.inlinePolicies = new Map(
      Object.entries(seed.inlinePolicies).map(([n, doc]) => [
        n,
        { text: JSON.stringify(doc), doc: copy(doc) },
      ]),
    );
  }
  if (seed.tags) role.tags = new Map(Object.entries(seed.tags));
  if (seed.description !== undefined) role.description = seed.description;
  if (seed.maxSessionDuration !== undefined) role.maxSessionDuration = seed.maxSessionDuration;
  return viewRole(state, account, seed.name)!;
}

/** Registers an issuer; a second registration adds its audiences to the first. */
export function addOidcProvider(
  state: AwsState,
  account: string,
  issuerUrl: string,
  clientIds: string[],
): string {
  state.requireAccount(account);
  const arn = oidcProviderArn(account, issuerUrl);
  const existing = state.oidcProviders.get(arn);
  state.oidcProviders.set(arn, {
    account,
    arn,
    url: issuerHostPath(issuerUrl),
    clientIds: [...new Set([...(existing?.clientIds ?? []), ...clientIds])],
    thumbprints: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'],
    createDate: existing?.createDate ?? new Date(),
  });
  return arn;
}

export function addGithubRole(
  state: AwsState,
  account: string,
  roleName: string,
  options: { sub?: string; audience?: string },
): string {
  const audience = options.audience ?? 'sts.amazonaws.com';
  const providerArn = addOidcProvider(state, account, GITHUB_ISSUER, [audience]);
  const host = issuerHostPath(GITHUB_ISSUER);
  const trust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${host}:aud`]: audience },
          StringLike: { [`${host}:sub`]: options.sub ?? 'repo:octo-org/fleet:*' },
        },
      },
    ],
  };
  return putRole(state, account, { name: roleName, trust }).arn;
}

export function addCluster(state: AwsState, seed: ClusterSeed): string {
  state.requireAccount(seed.account);
  const id = clusterOidcId(seed.account, seed.name);
  const arn = `arn:aws:eks:${seed.region}:${seed.account}:cluster/${seed.name}`;
  state.clusters.set(state.clusterKey(seed.account, seed.region, seed.name), {
    account: seed.account,
    region: seed.region,
    name: seed.name,
    arn,
    endpoint: seed.endpoint ?? `https://${id}.gr7.${seed.region}.eks.amazonaws.com`,
    caData: seed.caData ?? PLACEHOLDER_CA,
    oidcIssuer: seed.oidcIssuer ?? `https://oidc.eks.${seed.region}.amazonaws.com/id/${id}`,
    authenticationMode: seed.authenticationMode ?? 'API_AND_CONFIG_MAP',
    createdAt: new Date(),
  });
  return arn;
}
