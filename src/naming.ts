import { createHash } from 'node:crypto';

import { ActionError, quote } from './errors.js';

/** An EKS cluster as OCM's awsirsa driver identifies it. */
export interface ClusterRef {
  arn: string;
  region: string;
  account: string;
  name: string;
}

/** What OCM's CRDs accept for a cluster ARN: partition `aws` only, no `_` in names. */
const OCM_CLUSTER_ARN = /^arn:aws:eks:([a-z0-9-]+):(\d{12}):cluster\/([a-zA-Z0-9-]+)$/;
const ANY_CLUSTER_ARN = /^arn:([^:]+):eks:([^:]*):([^:]*):cluster\/(.*)$/;
const EKS_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,99}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ACCOUNT = /^\d{12}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** IAM role names are at most 64 characters; the identity-creator suffix takes 33. */
export const IDENTITY_CREATOR_SUFFIX = '_managed-cluster-identity-creator';
export const MAX_HUB_NAME_LENGTH = 64 - IDENTITY_CREATOR_SUFFIX.length;

/**
 * Parses a cluster ARN, refusing with a message that names `input` whatever is wrong with it:
 * another partition, an account that is not 12 digits, an EKS name OCM would reject.
 */
export function parseClusterArn(value: string, input: string): ClusterRef {
  const match = OCM_CLUSTER_ARN.exec(value);
  if (match) return { arn: value, region: match[1], account: match[2], name: match[3] };

  const loose = ANY_CLUSTER_ARN.exec(value);
  if (!loose) {
    throw new ActionError(
      `Input '${input}' is not an EKS cluster ARN; expected arn:aws:eks:<region>:<12-digit account>:cluster/<name>.`,
      { input },
    );
  }
  const [, partition, region, account, name] = loose;
  if (partition !== 'aws') {
    throw new ActionError(
      `Input '${input}' uses partition ${quote(partition)}, which OCM's awsirsa registration does not support; expected partition 'aws' (arn:aws:eks:...).`,
      { input },
    );
  }
  if (!REGION.test(region)) {
    throw new ActionError(
      `Input '${input}' has region ${quote(region)}, which is not an AWS region; expected a region such as us-west-2.`,
      { input },
    );
  }
  if (!ACCOUNT.test(account)) {
    throw new ActionError(
      `Input '${input}' has account ID ${quote(account)}, which is not 12 digits; expected a 12-digit AWS account ID.`,
      { input },
    );
  }
  checkEksName(name, input);
  throw new ActionError(`Input '${input}' is not an EKS cluster ARN OCM accepts.`, { input });
}

/** Refuses an EKS cluster name that OCM's CRDs or EKS itself would reject. */
export function checkEksName(name: string, input: string): void {
  if (name.includes('_')) {
    throw new ActionError(
      `Input '${input}' holds EKS cluster name ${quote(name)} with '_', which OCM's awsirsa registration rejects; expected letters, digits and '-' only.`,
      { input },
    );
  }
  if (!EKS_NAME.test(name)) {
    throw new ActionError(
      `Input '${input}' holds ${quote(name)}, which is not an EKS cluster name; expected 1 to 100 letters, digits and '-', starting with a letter or digit.`,
      { input },
    );
  }
}

/** Builds the ARN of a cluster known by name, account and region. */
export function clusterRef(region: string, account: string, name: string): ClusterRef {
  return { arn: `arn:aws:eks:${region}:${account}:cluster/${name}`, region, account, name };
}

export function isAccountId(value: string): boolean {
  return ACCOUNT.test(value);
}

export function isRegion(value: string): boolean {
  return REGION.test(value);
}

export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

/**
 * The hash OCM puts in both role names: MD5 of hub account, hub EKS name, spoke account and
 * spoke EKS name joined by '#'. The names are the EKS names, never the ManagedCluster name.
 */
export function ocmHash(hub: ClusterRef, spoke: ClusterRef): string {
  return createHash('md5')
    .update(`${hub.account}#${hub.name}#${spoke.account}#${spoke.name}`)
    .digest('hex');
}

export function spokeRoleName(hub: ClusterRef, spoke: ClusterRef): string {
  return `ocm-managed-cluster-${ocmHash(hub, spoke)}`;
}

export function hubRoleName(hub: ClusterRef, spoke: ClusterRef): string {
  return `ocm-hub-${ocmHash(hub, spoke)}`;
}

export function identityCreatorRoleName(hub: ClusterRef): string {
  return `${hub.name}${IDENTITY_CREATOR_SUFFIX}`;
}

export function roleArn(account: string, roleName: string): string {
  return `arn:aws:iam::${account}:role/${roleName}`;
}

/** `https://oidc.eks.<region>.amazonaws.com/id/X` -> `oidc.eks.<region>.amazonaws.com/id/X`. */
export function issuerHostPath(issuer: string): string {
  return issuer.replace(/^https:\/\//, '').replace(/\/+$/, '');
}

export function oidcProviderArn(account: string, issuer: string): string {
  return `arn:aws:iam::${account}:oidc-provider/${issuerHostPath(issuer)}`;
}
