import { SimAwsError } from './errors.js';
import type { CallContext } from './context.js';
import type { ClusterRecord } from './state.js';

/** EKS (restJson1): the one call the action makes, DescribeCluster. */

export function eksRoute(method: string, path: string): { action: string; name?: string } {
  const match = /^\/clusters\/([^/]+)$/.exec(path);
  if (method === 'GET' && match) {
    return { action: 'DescribeCluster', name: decodeURIComponent(match[1]) };
  }
  return { action: `${method} ${path}` };
}

function clusterJson(cluster: ClusterRecord): object {
  return {
    name: cluster.name,
    arn: cluster.arn,
    createdAt: cluster.createdAt.getTime() / 1000,
    version: '1.31',
    endpoint: cluster.endpoint,
    roleArn: `arn:aws:iam::${cluster.account}:role/eks-cluster-role`,
    certificateAuthority: { data: cluster.caData },
    identity: { oidc: { issuer: cluster.oidcIssuer } },
    accessConfig: { authenticationMode: cluster.authenticationMode },
    status: 'ACTIVE',
    platformVersion: 'eks.1',
    tags: {},
  };
}

export function describeCluster(ctx: CallContext, name: string | undefined): object {
  if (name === undefined) {
    throw new SimAwsError(404, 'UnknownOperationException', 'The requested operation is unknown.');
  }
  const arn = `arn:aws:eks:${ctx.region}:${ctx.account}:cluster/${name}`;
  ctx.authorize('eks:DescribeCluster', arn);
  const cluster = ctx.state.clusters.get(ctx.state.clusterKey(ctx.account, ctx.region, name));
  if (!cluster) {
    throw new SimAwsError(404, 'ResourceNotFoundException', `No cluster found for name: ${name}.`);
  }
  return { cluster: clusterJson(cluster) };
}
