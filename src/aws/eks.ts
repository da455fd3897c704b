import { DescribeClusterCommand, type EKSClient } from '@aws-sdk/client-eks';
import { GetOpenIDConnectProviderCommand, type IAMClient } from '@aws-sdk/client-iam';

import { ActionError, messageOf } from '../errors.js';
import { oidcProviderArn } from '../naming.js';
import { errorName, isAccessDenied } from './clients.js';

export interface EksCluster {
  arn: string;
  name: string;
  endpoint: string;
  caData: string;
  /** `https://oidc.eks.<region>.amazonaws.com/id/<ID>` */
  issuer?: string;
  authenticationMode?: string;
}

/** Reads what the action needs of an EKS cluster; a missing cluster names the inputs to check. */
export async function describeCluster(
  eks: EKSClient,
  name: string,
  input: string,
): Promise<EksCluster> {
  let cluster;
  try {
    cluster = (await eks.send(new DescribeClusterCommand({ name }))).cluster;
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') {
      const region = await eks.config.region();
      throw new ActionError(
        `EKS cluster '${name}' was not found in region ${region} of this account (eks:DescribeCluster): check '${input}' and 'aws-region'.`,
        { input, call: 'eks:DescribeCluster', cause: error },
      );
    }
    const hint = isAccessDenied(error)
      ? ` The role needs eks:DescribeCluster on cluster ${name}.`
      : '';
    throw new ActionError(
      `eks:DescribeCluster for '${name}' failed (${errorName(error) ?? 'Error'}): ${messageOf(error)}.${hint}`,
      { call: 'eks:DescribeCluster', cause: error },
    );
  }
  if (!cluster?.arn || !cluster.endpoint || !cluster.certificateAuthority?.data) {
    throw new ActionError(
      `EKS cluster '${name}' is not ready (status ${cluster?.status ?? 'unknown'}): it has no endpoint or CA yet.`,
      { call: 'eks:DescribeCluster' },
    );
  }
  return {
    arn: cluster.arn,
    name,
    endpoint: cluster.endpoint,
    caData: cluster.certificateAuthority.data,
    issuer: cluster.identity?.oidc?.issuer,
    authenticationMode: cluster.accessConfig?.authenticationMode,
  };
}

/** The issuer URL of a cluster whose OIDC provider ID the user gave. */
export function issuerFromId(region: string, id: string): string {
  return `https://oidc.eks.${region}.amazonaws.com/id/${id}`;
}

/**
 * Fails with the exact fix when the account has no IAM OIDC provider for the cluster's issuer:
 * without it no service account of that cluster can assume the role we are about to write.
 */
export async function requireOidcProvider(
  iam: IAMClient,
  account: string,
  issuer: string,
  cluster: string,
  region: string,
): Promise<string> {
  const arn = oidcProviderArn(account, issuer);
  try {
    await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    return arn;
  } catch (error) {
    if (errorName(error) === 'NoSuchEntityException' || errorName(error) === 'NoSuchEntity') {
      throw new ActionError(
        `Account ${account} has no IAM OIDC provider for cluster '${cluster}' (${issuer}). Create it with 'eksctl utils associate-iam-oidc-provider --cluster ${cluster} --region ${region} --approve', or in the IAM console add an OpenID Connect provider with URL ${issuer} and audience sts.amazonaws.com.`,
        { call: 'iam:GetOpenIDConnectProvider', cause: error },
      );
    }
    throw new ActionError(
      `iam:GetOpenIDConnectProvider for ${arn} failed (${errorName(error) ?? 'Error'}): ${messageOf(error)}.`,
      { call: 'iam:GetOpenIDConnectProvider', cause: error },
    );
  }
}
