import { createHash } from 'node:crypto';

import { AwsSim } from './aws.js';
import { KubeApiSim } from './kube-api.js';
import type { KubeObject } from './kube/types.js';
import { ReleaseSim } from './releases.js';

/**
 * A whole fleet on this machine: one AWS (IAM, STS, EKS, GitHub's OIDC endpoint), a Kubernetes
 * API per EKS cluster, and a clusteradm release server, linked the way the real pieces are.
 * The hub's registration controller creates `ocm-hub-<hash>` in the hub account when it accepts
 * a cluster, and needs the identity-creator role to do so; a ManifestWork on the hub shows up as
 * an AppliedManifestWork on its spoke.
 */

export interface FleetCluster {
  name: string;
  account: string;
  region: string;
}

export interface FleetOptions {
  hub?: FleetCluster;
  spokes: FleetCluster[];
  /** Text every bootstrap token carries, so that tests can search logs for it. */
  tokenPrefix?: string;
  tokenTtlSeconds?: number;
  conditionDelayMs?: number;
  /** IAM calls per second the fake AWS lets through before it answers Throttling. */
  rateLimitPerSecond?: number;
}

export const GITHUB_TOKEN = 'sim-github-token';
const ARN_ANNOTATION = 'agent.open-cluster-management.io/managed-cluster-arn';

export function clusterArn(cluster: FleetCluster): string {
  return `arn:aws:eks:${cluster.region}:${cluster.account}:cluster/${cluster.name}`;
}

function issuerOf(cluster: FleetCluster): string {
  const id = createHash('sha256')
    .update(clusterArn(cluster))
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();
  return `https://oidc.eks.${cluster.region}.amazonaws.com/id/${id}`;
}

export class Fleet {
  readonly hub: FleetCluster & { arn: string };
  readonly spokes: Array<FleetCluster & { arn: string }>;
  /** GitHub OIDC roles the workflow's jobs assume, by account. */
  readonly githubRoles = new Map<string, string>();
  readonly apis = new Map<string, KubeApiSim>();

  private constructor(
    readonly aws: AwsSim,
    readonly releases: ReleaseSim,
    options: FleetOptions,
  ) {
    const hub = options.hub ?? { name: 'hub', account: '111111111111', region: 'us-west-2' };
    this.hub = { ...hub, arn: clusterArn(hub) };
    this.spokes = options.spokes.map((spoke) => ({ ...spoke, arn: clusterArn(spoke) }));
  }

  static async start(options: FleetOptions): Promise<Fleet> {
    const aws = await AwsSim.start({ rateLimitPerSecond: options.rateLimitPerSecond });
    const releases = await new ReleaseSim({ requireToken: GITHUB_TOKEN }).start();
    const fleet = new Fleet(aws, releases, options);
    for (const cluster of [fleet.hub, ...fleet.spokes]) {
      await fleet.addCluster(cluster, options);
    }
    fleet.linkHub();
    return fleet;
  }

  get hubApi(): KubeApiSim {
    return this.apis.get(this.hub.name) as KubeApiSim;
  }

  spokeApi(name: string): KubeApiSim {
    const api = this.apis.get(name);
    if (!api) throw new Error(`no spoke ${name} in this fleet`);
    return api;
  }

  private async addCluster(cluster: FleetCluster, options: FleetOptions): Promise<void> {
    this.aws.addAccount(cluster.account);
    const api = await KubeApiSim.start({
      name: cluster.name,
      verifyEksToken: (token) => this.aws.verifyEksToken(token, cluster.name),
      conditionDelayMs: options.conditionDelayMs ?? 100,
      tokenTtlSeconds: options.tokenTtlSeconds,
      tokenPrefix: options.tokenPrefix,
    });
    this.apis.set(cluster.name, api);
    const issuer = issuerOf(cluster);
    this.aws.addCluster({ ...cluster, endpoint: api.url, caData: api.caData, oidcIssuer: issuer });
    this.aws.addOidcProvider(cluster.account, issuer);
    if (!this.githubRoles.has(cluster.account)) {
      this.githubRoles.set(
        cluster.account,
        this.aws.addGithubRole(cluster.account, 'github-ocm-eks-join'),
      );
    }
  }

  /** The identity-creator role the hub's registration controller works through. */
  identityCreatorRole(): string {
    return `${this.hub.name}_managed-cluster-identity-creator`;
  }

  hubRoleName(spoke: FleetCluster): string {
    const hash = createHash('md5')
      .update(`${this.hub.account}#${this.hub.name}#${spoke.account}#${spoke.name}`)
      .digest('hex');
    return `ocm-hub-${hash}`;
  }

  private spokeByArn(arn: string | undefined): FleetCluster | undefined {
    return this.spokes.find((spoke) => spoke.arn === arn);
  }

  private linkHub(): void {
    const hub = this.hubApi;
    const creator = () => this.aws.role(this.hub.account, this.identityCreatorRole());

    // Accepting a cluster makes the hub create ocm-hub-<hash> through the identity-creator role.
    hub.onAccepted = (name: string, cluster: KubeObject) => {
      const spoke = this.spokeByArn(cluster.metadata.annotations?.[ARN_ANNOTATION]);
      if (!spoke) return;
      const roleName = this.hubRoleName(spoke);
      if (!creator()) {
        throw new Error(
          `AccessDenied: failed to assume role arn:aws:iam::${this.hub.account}:role/${this.identityCreatorRole()}: it does not exist, so the hub cannot create IAM role ${roleName} for ${name}`,
        );
      }
      this.aws.putRole(this.hub.account, {
        name: roleName,
        trust: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${spoke.account}:root` },
              Action: ['sts:AssumeRole', 'sts:TagSession'],
            },
          ],
        },
        tags: { 'open-cluster-management.io/managed-cluster': name },
      });
    };
    // The cleanup finalizer needs the identity-creator role to delete ocm-hub-<hash>.
    hub.canReleaseFinalizer = () => creator() !== undefined;
    hub.onReleased = (name: string) => {
      const spoke =
        this.spokes.find((candidate) => candidate.name === name) ??
        this.spokes.find((candidate) => this.spokeApi(candidate.name) && candidate.name === name);
      if (spoke) this.aws.removeRole(this.hub.account, this.hubRoleName(spoke));
    };

    // The work agent on the spoke records every ManifestWork it applied.
    hub.onObjectChange((obj, type) => {
      if (obj.kind !== 'ManifestWork' || !obj.metadata.namespace) return;
      const spoke = this.apis.get(obj.metadata.namespace);
      if (!spoke || spoke === hub) return;
      const name = `hub-${obj.metadata.name}`;
      if (type === 'DELETED')
        spoke.remove('work.open-cluster-management.io/v1', 'appliedmanifestworks', name);
      else if (!spoke.get('work.open-cluster-management.io/v1', 'appliedmanifestworks', name)) {
        spoke.put({
          apiVersion: 'work.open-cluster-management.io/v1',
          kind: 'AppliedManifestWork',
          metadata: { name },
          spec: { manifestWorkName: obj.metadata.name, hubHash: 'hub' },
        });
      }
    });
  }

  /** Environment for a job of the workflow: GitHub's OIDC endpoint, the AWS and API endpoints. */
  jobEnv(): Record<string, string> {
    return {
      AWS_ENDPOINT_URL: this.aws.url,
      GITHUB_API_URL: this.releases.apiUrl,
      ...this.aws.githubEnv(),
    };
  }

  /** Inputs every step shares: where to download clusteradm from and the token to ask with. */
  commonInputs(): Record<string, string> {
    return { 'clusteradm-mirror': this.releases.mirrorUrl, 'github-token': GITHUB_TOKEN };
  }

  roleFor(account: string): string {
    return this.githubRoles.get(account) as string;
  }

  async close(): Promise<void> {
    await Promise.all([...this.apis.values()].map((api) => api.close()));
    await this.releases.stop();
    await this.aws.close();
  }
}
