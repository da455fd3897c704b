import { type AwsSession, openSession } from '../aws/credentials.js';
import { type EksCluster, describeCluster } from '../aws/eks.js';
import type { Config } from '../inputs.js';
import { type ClusterRef, clusterRef, spokeRoleName } from '../naming.js';

/** The spoke as spoke modes see it: the session in its account, the cluster, its role name. */
export interface Spoke {
  session: AwsSession;
  ref: ClusterRef;
  cluster: EksCluster;
  roleName: string;
}

/** Opens the spoke account and reads the spoke cluster, in the region of `aws-region`. */
export async function openSpoke(config: Config): Promise<Spoke> {
  const hub = config.hub as NonNullable<Config['hub']>;
  const session = await openSession(config.aws);
  const name = config.spokeClusterName as string;
  const cluster = await describeCluster(session.eks, name, 'spoke-cluster-name');
  const ref = { ...clusterRef(config.aws.region, session.account, cluster.name), arn: cluster.arn };
  return { session, ref, cluster, roleName: spokeRoleName(hub, ref) };
}
