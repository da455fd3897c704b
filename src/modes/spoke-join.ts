import * as core from '../core.js';

import { findRole } from '../aws/iam-removal.js';
import { readBootstrapToken } from '../clusteradm/bootstrap-token.js';
import { runClusteradm } from '../clusteradm/run.js';
import { ActionError } from '../errors.js';
import type { Config } from '../inputs.js';
import { diffKlusterlet } from '../kube/klusterlet.js';
import { type Klusterlet, klusterletPath } from '../kube/ocm.js';
import { accessEksCluster } from '../kube/target.js';
import { dryRunResult } from './dry-run.js';
import type { ModeResult } from '../outputs.js';
import { logTable } from '../summary.js';
import { assertNotExpired } from '../token/bootstrap-token.js';
import { openToken } from '../token/seal.js';
import { type Clusteradm, openHub, setUpClusteradm } from './hub-common.js';
import { openSpoke } from './spoke-common.js';

/**
 * spoke-join: checks the spoke role from spoke-prepare, obtains the bootstrap token, and runs
 * `clusteradm join` with the awsirsa registration unless the Klusterlet already matches.
 */
export async function spokeJoin(config: Config): Promise<ModeResult> {
  const hub = config.hub as NonNullable<Config['hub']>;
  const apiserver = config.hubApiserver as string;

  // A sealed token is opened and masked before anything else can print.
  let token = config.hubToken;
  let tokenInput = 'hub-token';
  if (!token && config.hubTokenSealed) {
    token = openToken(config.hubTokenSealed, config.tokenPassphrase as string, apiserver);
    core.setSecret(token);
    tokenInput = 'hub-token-sealed';
  }

  const { session, ref: spoke, cluster, roleName } = await openSpoke(config);
  const name = config.managedClusterNames[0];

  const roleArn = await findRole(session.iam, roleName);
  if (!roleArn) {
    throw new ActionError(
      `IAM role ${roleName} does not exist in account ${spoke.account}: run this action with 'mode: spoke-prepare' (same 'hub-cluster-arn' and 'spoke-cluster-name') before spoke-join.`,
      { call: 'iam:GetRole' },
    );
  }

  const access = await accessEksCluster(session, cluster, config.kubeconfig);
  const klusterlet = await access.client.get<Klusterlet>(klusterletPath());
  const rows = diffKlusterlet(klusterlet, {
    clusterName: name,
    hubClusterArn: hub.arn,
    managedClusterArn: spoke.arn,
  });

  const outputs = {
    'hub-cluster-arn': hub.arn,
    'hub-apiserver': apiserver,
    'managed-cluster-arn': spoke.arn,
    'managed-cluster-name': name,
    'spoke-role-arn': roleArn,
    kubeconfig: access.kubeconfig,
  };
  const facts: Array<[string, string]> = [
    ['Managed cluster', `${name} (${spoke.arn})`],
    ['Spoke role', roleArn],
    ['Hub cluster', hub.arn],
  ];

  if (config.dryRun) {
    return dryRunResult({
      mode: 'spoke-join',
      outputs,
      facts,
      rows,
      heading: 'Drift',
      inSync: `No drift: the Klusterlet on \`${spoke.name}\` is registered to this hub and healthy.`,
    });
  }

  const clusteradm = await setUpClusteradm(config);
  const installed = {
    'clusteradm-version': clusteradm.version,
    'clusteradm-path': clusteradm.path,
  };
  if (rows.length === 0) {
    core.info(
      `${spoke.name} has already joined hub ${hub.name} as ${name}; clusteradm join skipped`,
    );
    return {
      outputs: { ...outputs, ...installed },
      changed: false,
      drift: false,
      report: {
        title: 'ocm-eks-join: spoke-join',
        facts,
        rows: [],
        emptyText: 'The spoke had already joined this hub; nothing changed.',
        next: `run \`mode: accept\` on the hub for \`${name}\`.`,
      },
    };
  }

  if (!token) {
    token = await mintToken(config, clusteradm);
    tokenInput = 'hub-role-to-assume';
  }
  assertNotExpired(token, new Date(), tokenInput);

  logTable('Joining:', rows);
  const args = [
    'join',
    '--hub-token',
    token,
    '--hub-apiserver',
    apiserver,
    '--cluster-name',
    name,
    '--wait',
    '--registration-auth',
    'awsirsa',
    '--hub-cluster-arn',
    hub.arn,
    '--managed-cluster-arn',
    spoke.arn,
  ];
  if (config.singleton) args.push('--singleton');
  if (config.bundleVersion) args.push('--bundle-version', config.bundleVersion);
  args.push('--timeout', String(config.waitTimeoutSeconds));
  await runClusteradm({
    binary: clusteradm.path,
    args,
    kubeconfig: access.kubeconfig,
    env: access.env,
    timeoutSeconds: config.waitTimeoutSeconds + 60,
    title: `clusteradm join ${name}`,
    secrets: [token],
  });
  core.info(`${spoke.name} joined hub ${hub.name} as ManagedCluster ${name}`);

  return {
    outputs: { ...outputs, ...installed },
    changed: true,
    drift: false,
    report: {
      title: 'ocm-eks-join: spoke-join',
      facts,
      tableTitle: 'Changes',
      rows,
      next: `run \`mode: accept\` on the hub with \`managed-cluster-name: ${name}\`.`,
    },
  };
}

/** Gets a fresh bootstrap token from the hub itself, as the hub role. */
async function mintToken(config: Config, clusteradm: Clusteradm): Promise<string> {
  const hubRegion = (config.hub as NonNullable<Config['hub']>).region;
  const hub = await openHub(
    config,
    { ...config.aws, region: hubRegion },
    config.hubRoleToAssume,
    'hub-role-to-assume',
  );
  const access = await accessEksCluster(hub.session, hub.cluster);
  const { token } = await readBootstrapToken({
    binary: clusteradm.path,
    access,
    timeoutSeconds: config.waitTimeoutSeconds + 60,
    title: `clusteradm get token from ${hub.ref.name}`,
  });
  core.info(`Minted a bootstrap token from hub ${hub.ref.name}`);
  return token;
}
