import * as core from '../core.js';

import { issuerFromId, requireOidcProvider } from '../aws/eks.js';
import { type DesiredRole, applyRole, planRole } from '../aws/iam-role.js';
import { readBootstrapToken } from '../clusteradm/bootstrap-token.js';
import { parseInitOutput } from '../clusteradm/parse.js';
import { runClusteradm } from '../clusteradm/run.js';
import { ActionError } from '../errors.js';
import type { Config } from '../inputs.js';
import { diffClusterManager, initArguments, type HubRegistration } from '../kube/hub-config.js';
import { type ClusterManager, clusterManagerPath } from '../kube/ocm.js';
import { accessEksCluster } from '../kube/target.js';
import { identityCreatorRoleName, roleArn } from '../naming.js';
import { dryRunResult } from './dry-run.js';
import type { ModeResult, Outputs } from '../outputs.js';
import { identityCreatorDocuments } from '../policies.js';
import { type PlanRow, logTable } from '../summary.js';
import { tokenExpiry } from '../token/bootstrap-token.js';
import { sealToken } from '../token/seal.js';
import { openHub, setUpClusteradm } from './hub-common.js';

export const IDENTITY_CREATOR_POLICY_NAME = 'ocm-identity-creator';
const ACCESS_ENTRY_MODES = ['API', 'API_AND_CONFIG_MAP'];

/**
 * hub-init: the identity-creator role the hub uses to create `ocm-hub-<hash>` roles and access
 * entries, `clusteradm init` with the awsirsa driver, and a bootstrap token for the spokes.
 */
export async function hubInit(config: Config): Promise<ModeResult> {
  const { session, ref: hub, cluster } = await openHub(config);

  // The hub creates EKS access entries for each spoke; that needs the API authentication mode.
  if (cluster.authenticationMode && !ACCESS_ENTRY_MODES.includes(cluster.authenticationMode)) {
    throw new ActionError(
      `Hub cluster '${hub.name}' uses authentication mode ${cluster.authenticationMode}, which has no access entries; switch it with 'aws eks update-cluster-config --name ${hub.name} --region ${hub.region} --access-config authenticationMode=API_AND_CONFIG_MAP'.`,
      { input: config.hub ? 'hub-cluster-arn' : 'hub-cluster-name', call: 'eks:DescribeCluster' },
    );
  }
  const issuer = config.hubOidcProviderId
    ? issuerFromId(hub.region, config.hubOidcProviderId)
    : cluster.issuer;
  if (!issuer) {
    throw new ActionError(
      `Hub cluster '${hub.name}' has no OIDC issuer; set 'hub-oidc-provider-id' or enable the cluster's OIDC issuer.`,
      { input: 'hub-oidc-provider-id' },
    );
  }
  await requireOidcProvider(session.iam, hub.account, issuer, hub.name, hub.region);

  const roleName = identityCreatorRoleName(hub);
  const documents = identityCreatorDocuments(hub, issuer);
  const desired: DesiredRole = {
    name: roleName,
    description: `OCM awsirsa identity creator for hub ${hub.name}: creates ocm-hub-* roles and access entries`,
    trust: documents.trust,
    policyName: IDENTITY_CREATOR_POLICY_NAME,
    policy: documents.policy,
    tags: {},
  };
  const plan = await planRole(session.iam, desired);
  const roleRows: PlanRow[] = plan.changes.map((change) => ({
    resource: `IAM role ${roleName}`,
    field: change.field,
    change: change.action,
    detail: change.detail,
  }));

  const access = await accessEksCluster(session, cluster, config.kubeconfig);
  const wanted: HubRegistration = {
    hubClusterArn: hub.arn,
    autoApprovedArnPatterns: config.autoApprovedArnPatterns,
    awsResourceTags: config.awsResourceTags,
  };
  const clusterManager = await access.client.get<ClusterManager>(clusterManagerPath());
  const hubRows = diffClusterManager(clusterManager, wanted);
  const rows = [...roleRows, ...hubRows];

  const outputs: Outputs = {
    'hub-cluster-arn': hub.arn,
    'identity-creator-role-arn': plan.current?.arn ?? roleArn(hub.account, roleName),
    kubeconfig: access.kubeconfig,
  };
  const facts: Array<[string, string]> = [
    ['Hub cluster', hub.arn],
    ['Identity-creator role', outputs['identity-creator-role-arn'] as string],
  ];

  if (config.dryRun) {
    return dryRunResult({
      mode: 'hub-init',
      outputs: { ...outputs, 'hub-apiserver': access.server },
      facts,
      rows,
      heading: 'Drift',
      inSync: 'No drift: the identity-creator role and the ClusterManager match the inputs.',
    });
  }

  logTable('Changes on the hub:', rows);
  const role = await applyRole(session.iam, plan);
  outputs['identity-creator-role-arn'] = role.arn || outputs['identity-creator-role-arn'];

  const clusteradm = await setUpClusteradm(config);
  if (hubRows.length > 0) {
    await runClusteradm({
      binary: clusteradm.path,
      args: initArguments(wanted, {
        bundleVersion: config.bundleVersion,
        timeoutSeconds: config.waitTimeoutSeconds,
      }),
      kubeconfig: access.kubeconfig,
      env: access.env,
      timeoutSeconds: config.waitTimeoutSeconds + 60,
      title: `clusteradm init on ${hub.name}`,
      discoverSecrets: (stdout) => [parseInitOutput(stdout).token ?? ''].filter(Boolean),
    });
    core.info('Hub initialized');
  } else {
    core.info('Hub already initialized with these settings; clusteradm init skipped');
  }

  const { token, apiserver } = await readBootstrapToken({
    binary: clusteradm.path,
    access,
    timeoutSeconds: config.waitTimeoutSeconds + 60,
    title: 'clusteradm get token',
  });
  const expiresAt = tokenExpiry(token);

  Object.assign(outputs, {
    'hub-apiserver': apiserver,
    'hub-token': token,
    'hub-token-expires-at': expiresAt?.toISOString(),
    'clusteradm-version': clusteradm.version,
    'clusteradm-path': clusteradm.path,
  });
  if (config.tokenPassphrase)
    outputs['hub-token-sealed'] = sealToken(token, config.tokenPassphrase, apiserver);

  const changed = role.changes.length > 0 || hubRows.length > 0;
  return {
    outputs,
    changed,
    drift: false,
    report: {
      title: 'ocm-eks-join: hub-init',
      facts: [
        ...facts,
        ['Hub API server', apiserver],
        ['Bootstrap token expires', expiresAt?.toISOString() ?? 'unknown'],
        ['clusteradm', clusteradm.version],
      ],
      tableTitle: changed ? 'Changes' : undefined,
      rows,
      emptyText: 'The hub was already initialized with these settings; nothing changed.',
      next: config.tokenPassphrase
        ? 'pass `hub-apiserver` and `hub-token-sealed` to the spoke jobs (`mode: spoke-prepare`, then `mode: spoke-join` with the same `token-passphrase`).'
        : 'pass `hub-apiserver` to the spoke jobs and let them mint a token with `hub-role-to-assume`, or set `token-passphrase` to get `hub-token-sealed`.',
    },
  };
}
