import * as core from '../core.js';

import { describeCluster, issuerFromId, requireOidcProvider } from '../aws/eks.js';
import { openSession } from '../aws/credentials.js';
import { type DesiredRole, applyRole, planRole } from '../aws/iam-role.js';
import { errorName } from '../aws/clients.js';
import { ActionError } from '../errors.js';
import type { Config } from '../inputs.js';
import { clusterRef, roleArn, spokeRoleName } from '../naming.js';
import { dryRunResult } from './dry-run.js';
import type { ModeResult } from '../outputs.js';
import { spokeRoleDocuments } from '../policies.js';
import { type PlanRow, logTable } from '../summary.js';

export const SPOKE_POLICY_NAME = 'ocm-assume-hub-role';
const SPOKE_TAG_KEYS = [
  'hub_cluster_account_id',
  'hub_cluster_name',
  'managed_cluster_account_id',
  'managed_cluster_name',
];

/**
 * spoke-prepare: the spoke IAM role `ocm-managed-cluster-<hash>` that the klusterlet's service
 * accounts assume, with the tags the hub role's trust policy checks.
 */
export async function spokePrepare(config: Config): Promise<ModeResult> {
  const hub = config.hub as NonNullable<Config['hub']>;
  const spokeName = config.spokeClusterName as string;
  const region = config.aws.region;

  const session = await openSession(config.aws);

  // The issuer comes from EKS unless the user gave the provider ID (one call fewer).
  let issuer: string | undefined;
  let spokeArn = clusterRef(region, session.account, spokeName).arn;
  if (config.spokeOidcProviderId) {
    issuer = issuerFromId(region, config.spokeOidcProviderId);
  } else {
    const cluster = await describeCluster(session.eks, spokeName, 'spoke-cluster-name');
    issuer = cluster.issuer;
    spokeArn = cluster.arn;
  }
  if (!issuer) {
    throw new ActionError(
      `EKS cluster '${spokeName}' has no OIDC issuer; IAM roles for service accounts need one (set 'spoke-oidc-provider-id' or enable the cluster's OIDC issuer).`,
      { input: 'spoke-cluster-name' },
    );
  }
  const spoke = clusterRef(region, session.account, spokeName);

  const name = spokeRoleName(hub, spoke);
  const documents = spokeRoleDocuments(hub, spoke, issuer);
  const desired: DesiredRole = {
    name,
    description: `OCM awsirsa spoke role: ${spoke.name} (${spoke.account}) joined to hub ${hub.name} (${hub.account})`,
    trust: documents.trust,
    policyName: SPOKE_POLICY_NAME,
    policy: documents.policy,
    tags: documents.tags,
    ownedTagKeys: SPOKE_TAG_KEYS,
  };

  const plan = await planRole(session.iam, desired);
  const rows: PlanRow[] = plan.changes.map((change) => ({
    resource: `IAM role ${name}`,
    field: change.field,
    change: change.action,
    detail: change.detail,
  }));
  const outputs = {
    'spoke-role-arn': plan.current?.arn ?? roleArn(spoke.account, name),
    'managed-cluster-arn': spokeArn,
    'managed-cluster-name': config.managedClusterNames[0],
    'hub-cluster-arn': hub.arn,
  };
  const facts: Array<[string, string]> = [
    ['Spoke role', outputs['spoke-role-arn']],
    ['Managed cluster', spokeArn],
    ['Hub cluster', hub.arn],
  ];

  if (config.dryRun) {
    await requireOidcProvider(session.iam, spoke.account, issuer, spokeName, region);
    return dryRunResult({
      mode: 'spoke-prepare',
      outputs,
      facts,
      rows,
      heading: `Drift in IAM role ${name}`,
      inSync: `No drift: IAM role \`${name}\` matches.`,
    });
  }

  logTable(`Changes to IAM role ${name}:`, rows);
  let result;
  try {
    result = await applyRole(session.iam, plan);
  } catch (error) {
    // IAM refuses a trust policy whose OIDC provider does not exist; say how to create it.
    if (/MalformedPolicyDocument/.test(errorName((error as { cause?: unknown }).cause) ?? '')) {
      await requireOidcProvider(session.iam, spoke.account, issuer, spokeName, region);
    }
    throw error;
  }
  if (rows.length === 0) core.info(`IAM role ${name} is already in sync; nothing to change`);

  return {
    outputs: { ...outputs, 'spoke-role-arn': result.arn || outputs['spoke-role-arn'] },
    changed: result.changes.length > 0,
    drift: false,
    report: {
      title: 'ocm-eks-join: spoke-prepare',
      facts,
      tableTitle: result.changes.length ? 'Changes' : undefined,
      rows: result.changes.map((change) => ({
        resource: `IAM role ${name}`,
        field: change.field,
        change: change.action,
        detail: change.detail,
      })),
      emptyText: `IAM role \`${name}\` was already in sync; nothing changed.`,
      next: `run this action with \`mode: spoke-join\` for \`${config.managedClusterNames[0]}\`.`,
    },
  };
}
