import * as core from '../core.js';

import { deleteRole, findRole } from '../aws/iam-removal.js';
import { runClusteradm } from '../clusteradm/run.js';
import { ActionError } from '../errors.js';
import type { Config } from '../inputs.js';
import type { KubeClient } from '../kube/client.js';
import {
  type AppliedManifestWork,
  type Klusterlet,
  appliedManifestWorksPath,
  klusterletPath,
} from '../kube/ocm.js';
import { accessEksCluster } from '../kube/target.js';
import { waitUntil } from '../kube/wait.js';
import { dryRunResult } from './dry-run.js';
import type { ModeResult } from '../outputs.js';
import { type PlanRow, logTable } from '../summary.js';
import { setUpClusteradm } from './hub-common.js';
import { openSpoke } from './spoke-common.js';
import { SPOKE_POLICY_NAME } from './spoke-prepare.js';
import { VERIFY_WORK_NAME } from './verify-workload.js';

/**
 * spoke-unjoin: removes the klusterlet with `clusteradm unjoin`, refusing clusteradm's silent
 * no-op while workloads from the hub remain, and with `delete-iam` the spoke role too.
 */
export async function spokeUnjoin(config: Config): Promise<ModeResult> {
  const hub = config.hub as NonNullable<Config['hub']>;
  const name = config.managedClusterNames[0];
  const { session, ref: spoke, cluster, roleName } = await openSpoke(config);

  const access = await accessEksCluster(session, cluster, config.kubeconfig);
  const klusterlet = await access.client.get<Klusterlet>(klusterletPath());
  const applied = await access.client.list<AppliedManifestWork>(appliedManifestWorksPath());
  const ours = applied.filter((work) => work.spec?.manifestWorkName === VERIFY_WORK_NAME);
  const foreign = applied.filter((work) => work.spec?.manifestWorkName !== VERIFY_WORK_NAME);
  const roleArn = config.deleteIam ? await findRole(session.iam, roleName) : undefined;

  const rows: PlanRow[] = [];
  for (const work of ours)
    rows.push({
      resource: `AppliedManifestWork ${work.metadata.name}`,
      field: 'verification leftover',
      change: 'remove',
      detail: 'left by an interrupted verify-workload',
    });
  if (klusterlet)
    rows.push({
      resource: 'Klusterlet klusterlet',
      field: 'klusterlet',
      change: 'remove',
      detail: `registered as ${klusterlet.spec?.clusterName ?? name}`,
    });
  if (roleArn)
    rows.push({
      resource: `IAM role ${roleName}`,
      field: 'role',
      change: 'remove',
      detail: 'delete-iam is true',
    });
  const facts: Array<[string, string]> = [
    ['Managed cluster', `${name} (${spoke.arn})`],
    ['Hub cluster', hub.arn],
  ];
  const outputs = {
    'hub-cluster-arn': hub.arn,
    'managed-cluster-arn': spoke.arn,
    'managed-cluster-name': name,
    kubeconfig: access.kubeconfig,
  };

  if (config.dryRun) {
    return dryRunResult({
      mode: 'spoke-unjoin',
      outputs,
      facts,
      rows,
      heading: 'Would remove',
      inSync: 'Nothing to remove: the spoke has no klusterlet.',
    });
  }

  if (klusterlet && foreign.length > 0) throw workloadsRemain(foreign, name);
  logTable('Removing:', rows);
  for (const work of ours)
    await access.client.delete(`${appliedManifestWorksPath()}/${work.metadata.name}`);

  let installed = {};
  if (klusterlet) {
    const clusteradm = await setUpClusteradm(config);
    installed = { 'clusteradm-version': clusteradm.version, 'clusteradm-path': clusteradm.path };
    await runClusteradm({
      binary: clusteradm.path,
      args: ['unjoin', '--cluster-name', name],
      kubeconfig: access.kubeconfig,
      env: access.env,
      timeoutSeconds: config.waitTimeoutSeconds + 60,
      title: `clusteradm unjoin ${name}`,
    });
    await waitForKlusterletGone(access.client, name, config.waitTimeoutSeconds);
    core.info(`${spoke.name} left hub ${hub.name}`);
  } else {
    core.info(`${spoke.name} has no klusterlet; nothing to unjoin`);
  }

  const deleted = config.deleteIam
    ? await deleteRole(session.iam, roleName, SPOKE_POLICY_NAME)
    : false;
  const changed = ours.length > 0 || klusterlet !== undefined || deleted;
  return {
    outputs: { ...outputs, ...installed },
    changed,
    drift: false,
    report: {
      title: 'ocm-eks-join: spoke-unjoin',
      facts,
      tableTitle: changed ? 'Removed' : undefined,
      rows: changed ? rows : [],
      emptyText: 'Nothing to remove: the spoke had already left the hub.',
      next: config.deleteIam
        ? undefined
        : 'set `delete-iam: true` to delete the spoke role as well.',
    },
  };
}

/** clusteradm unjoin exits 0 and does nothing while AppliedManifestWorks remain; say so. */
function workloadsRemain(works: AppliedManifestWork[], name: string): ActionError {
  const names = works.map((work) => work.spec?.manifestWorkName ?? work.metadata.name).join(', ');
  return new ActionError(
    `The spoke still runs workloads from the hub (AppliedManifestWorks for ${names}), so clusteradm unjoin would do nothing: delete those ManifestWorks in namespace ${name} on the hub first (mode: hub-detach does this), then run spoke-unjoin again.`,
    { call: 'clusteradm unjoin' },
  );
}

async function waitForKlusterletGone(
  client: KubeClient,
  name: string,
  timeoutSeconds: number,
): Promise<void> {
  await waitUntil({
    what: 'the klusterlet to be removed',
    timeoutSeconds,
    hint: 'the klusterlet operator on the spoke',
    check: async () => {
      if (!(await client.get<Klusterlet>(klusterletPath()))) return { done: true, value: true };
      // The silent no-op: clusteradm returned, but workloads keep the klusterlet in place.
      const remaining = await client.list<AppliedManifestWork>(appliedManifestWorksPath());
      if (remaining.length > 0) throw workloadsRemain(remaining, name);
      return { done: false, missing: 'Klusterlet klusterlet' };
    },
  });
}
