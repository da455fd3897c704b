import * as core from '../core.js';

import { deleteRole, findRole } from '../aws/iam-removal.js';
import { runClusteradm } from '../clusteradm/run.js';
import { ActionError } from '../errors.js';
import type { Config } from '../inputs.js';
import type { KubeClient } from '../kube/client.js';
import { readManagedClusters } from '../kube/managed-clusters.js';
import {
  type ClusterManager,
  type ManagedCluster,
  type ManifestWork,
  clusterManagerPath,
  managedClusterPath,
  manifestWorkPath,
} from '../kube/ocm.js';
import { accessEksCluster } from '../kube/target.js';
import { waitUntil } from '../kube/wait.js';
import {
  type ClusterRef,
  hubRoleName,
  identityCreatorRoleName,
  parseClusterArn,
} from '../naming.js';
import { dryRunResult } from './dry-run.js';
import type { ModeResult } from '../outputs.js';
import { type PlanRow, logTable } from '../summary.js';
import { openHub, setUpClusteradm } from './hub-common.js';
import { IDENTITY_CREATOR_POLICY_NAME } from './hub-init.js';

const FINALIZER = 'cluster.open-cluster-management.io/api-resource-cleanup';

/**
 * hub-detach: removes ManagedClusters from the hub in the safe order (their ManifestWorks,
 * then the cluster, waiting for the cleanup finalizer that deletes `ocm-hub-<hash>` and the
 * access entry). With `delete-iam` and no cluster left: `clusteradm clean` and the
 * identity-creator role.
 */
export async function hubDetach(config: Config): Promise<ModeResult> {
  const names = config.managedClusterNames;
  const { session, ref: hub, cluster } = await openHub(config);
  const access = await accessEksCluster(session, cluster, config.kubeconfig);
  const creatorName = identityCreatorRoleName(hub);
  const creatorArn = await findRole(session.iam, creatorName);

  const current = await readManagedClusters(access.client, names);
  const present = names.filter((name) => current.get(name));
  const works = new Map<string, ManifestWork[]>();
  for (const name of present)
    works.set(name, await access.client.list<ManifestWork>(manifestWorkPath(name)));

  const others = (await access.client.list<ManagedCluster>(managedClusterPath())).filter(
    (managed) => !names.includes(managed.metadata.name ?? ''),
  );
  const cleanHub = config.deleteIam && others.length === 0;
  const manager = cleanHub
    ? await access.client.get<ClusterManager>(clusterManagerPath())
    : undefined;

  const rows: PlanRow[] = [];
  for (const name of present) {
    for (const work of works.get(name) ?? [])
      rows.push({
        resource: `ManifestWork ${name}/${work.metadata.name}`,
        field: 'manifestwork',
        change: 'remove',
        detail: 'removed before its cluster',
      });
    rows.push({
      resource: `ManagedCluster ${name}`,
      field: 'managedcluster',
      change: 'remove',
      detail: `its finalizer deletes ${hubRoleOf(hub, current.get(name))} and the access entry`,
    });
  }
  if (cleanHub && manager)
    rows.push({
      resource: 'ClusterManager cluster-manager',
      field: 'clusteradm clean',
      change: 'remove',
      detail: 'no ManagedCluster is left',
    });
  if (cleanHub && creatorArn)
    rows.push({
      resource: `IAM role ${creatorName}`,
      field: 'role',
      change: 'remove',
      detail: 'no ManagedCluster depends on it any more',
    });
  const kept =
    config.deleteIam && others.length > 0
      ? `Kept IAM role ${creatorName}: ${others.length} other ManagedCluster(s) still depend on it.`
      : undefined;

  const facts: Array<[string, string]> = [
    ['Hub cluster', hub.arn],
    ['Managed clusters', names.join(', ')],
  ];
  const outputs = {
    'hub-cluster-arn': hub.arn,
    'managed-cluster-name': names.join(','),
    kubeconfig: access.kubeconfig,
  };
  if (config.dryRun) {
    return dryRunResult({
      mode: 'hub-detach',
      outputs,
      facts,
      rows,
      heading: 'Would remove',
      inSync: 'Nothing to remove.',
      next: kept,
    });
  }

  if (present.length > 0 && !creatorArn) {
    core.warning(
      `IAM role ${creatorName} is missing: the hub needs it to delete the ocm-hub-* roles, so the clusters' cleanup finalizer may never let go. Re-create it with mode: hub-init first.`,
    );
  }
  logTable('Removing:', rows);
  for (const name of present) {
    for (const work of works.get(name) ?? [])
      await access.client.delete(manifestWorkPath(name, work.metadata.name));
    await access.client.delete(managedClusterPath(name));
    core.info(`Deleted ManagedCluster ${name}; waiting for its cleanup finalizer`);
  }
  if (present.length > 0)
    await waitForRelease(
      access.client,
      present,
      config.waitTimeoutSeconds,
      creatorArn ?? creatorName,
    );

  let installed = {};
  let deletedRole = false;
  if (cleanHub) {
    if (manager) {
      const clusteradm = await setUpClusteradm(config);
      installed = { 'clusteradm-version': clusteradm.version, 'clusteradm-path': clusteradm.path };
      await runClusteradm({
        binary: clusteradm.path,
        args: ['clean'],
        kubeconfig: access.kubeconfig,
        env: access.env,
        timeoutSeconds: config.waitTimeoutSeconds + 60,
        title: 'clusteradm clean',
      });
      // clean exits 0 without doing anything while a cluster is still available.
      if (await access.client.get<ClusterManager>(clusterManagerPath())) {
        throw new ActionError(
          'clusteradm clean left the ClusterManager in place: a ManagedCluster is still available on the hub; detach it first, then run hub-detach again.',
          { call: 'clusteradm clean' },
        );
      }
    }
    deletedRole = await deleteRole(session.iam, creatorName, IDENTITY_CREATOR_POLICY_NAME);
  } else if (kept) {
    core.info(kept);
  }

  const changed = present.length > 0 || Boolean(cleanHub && manager) || deletedRole;
  return {
    outputs: { ...outputs, ...installed },
    changed,
    drift: false,
    report: {
      title: 'ocm-eks-join: hub-detach',
      facts,
      tableTitle: changed ? 'Removed' : undefined,
      rows: changed ? rows : [],
      emptyText: 'Nothing to remove: the clusters had already left the hub.',
      next:
        kept ??
        'run `mode: spoke-unjoin` (with `delete-iam: true` to delete the spoke role) in each spoke job.',
    },
  };
}

/** The hub role OCM made for a cluster, named from the ARN annotation the agent set. */
function hubRoleOf(hub: ClusterRef, managed: ManagedCluster | undefined): string {
  const arn =
    managed?.metadata.annotations?.['agent.open-cluster-management.io/managed-cluster-arn'];
  try {
    return arn
      ? hubRoleName(hub, parseClusterArn(arn, 'managed-cluster-arn'))
      : 'its ocm-hub-* role';
  } catch {
    return 'its ocm-hub-* role';
  }
}

async function waitForRelease(
  client: KubeClient,
  names: string[],
  timeoutSeconds: number,
  creator: string,
): Promise<void> {
  try {
    await waitUntil({
      what: `ManagedCluster(s) ${names.join(', ')} to be deleted`,
      timeoutSeconds,
      check: async () => {
        const left = [...(await readManagedClusters(client, names))]
          .filter(([, managed]) => managed)
          .map(([name]) => name);
        return left.length === 0
          ? { done: true, value: true }
          : { done: false, missing: left.join(', ') };
      },
    });
  } catch (error) {
    const stuck = [...(await readManagedClusters(client, names))]
      .filter(([, managed]) => managed?.metadata.finalizers?.includes(FINALIZER))
      .map(([name]) => name);
    if (stuck.length === 0) throw error;
    throw new ActionError(
      `ManagedCluster(s) ${stuck.join(', ')} still carry the finalizer ${FINALIZER} after ${timeoutSeconds} s: the hub could not delete their ocm-hub-* roles and access entries, most likely because the identity-creator role ${creator} or its permissions are gone. Restore it with mode: hub-init, then run hub-detach again.`,
      { call: 'DELETE managedclusters', cause: error },
    );
  }
}
