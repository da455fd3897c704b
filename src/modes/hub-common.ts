import * as core from '../core.js';

import { type AwsSession, openSession } from '../aws/credentials.js';
import { type EksCluster, describeCluster } from '../aws/eks.js';
import { installClusteradm } from '../clusteradm/install.js';
import { ActionError } from '../errors.js';
import type { Config } from '../inputs.js';
import { type ClusterRef, clusterRef } from '../naming.js';

/** The hub as hub modes see it: the session in the hub account and the described cluster. */
export interface Hub {
  session: AwsSession;
  ref: ClusterRef;
  cluster: EksCluster;
}

/**
 * Opens the hub account and reads the hub cluster. A hub named only by `hub-cluster-name` takes
 * its account from the caller and its region from `aws-region`.
 */
export async function openHub(
  config: Config,
  access = config.aws,
  roleToAssume?: string,
  roleInput?: string,
): Promise<Hub> {
  const session = await openSession(access, roleToAssume ?? access.roleToAssume, roleInput);
  const ref =
    config.hub ?? clusterRef(access.region, session.account, config.hubClusterName as string);
  if (ref.account !== session.account) {
    throw new ActionError(
      `The AWS credentials are for account ${session.account}, but 'hub-cluster-arn' names a hub in account ${ref.account}: this mode must run with a role in the hub's account.`,
      { input: roleInput ?? 'role-to-assume' },
    );
  }
  const cluster = await describeCluster(
    session.eks,
    ref.name,
    config.hub ? 'hub-cluster-arn' : 'hub-cluster-name',
  );
  return { session, ref: { ...ref, arn: cluster.arn }, cluster };
}

export interface Clusteradm {
  path: string;
  version: string;
}

export async function setUpClusteradm(config: Config): Promise<Clusteradm> {
  const installed = await installClusteradm({ ...config.clusteradm });
  core.info(
    `clusteradm ${installed.version} at ${installed.path}${installed.cached ? ' (from the tool cache)' : ''}`,
  );
  return { path: installed.path, version: installed.version };
}
