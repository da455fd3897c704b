import type { PlanRow } from '../summary.js';
import type { KubeClient } from './client.js';
import { type ManagedCluster, condition, managedClusterPath } from './ocm.js';

export const ACCEPTED = 'HubAcceptedManagedCluster';
export const JOINED = 'ManagedClusterJoined';
export const AVAILABLE = 'ManagedClusterConditionAvailable';

/** Reads the named ManagedClusters; a missing one maps to undefined. */
export async function readManagedClusters(
  client: KubeClient,
  names: string[],
): Promise<Map<string, ManagedCluster | undefined>> {
  const found = await Promise.all(
    names.map((name) => client.get<ManagedCluster>(managedClusterPath(name))),
  );
  return new Map(names.map((name, index) => [name, found[index]]));
}

/** Why a ManagedCluster is not yet accepted, joined and available; empty when it is. */
export function clusterProblems(name: string, cluster: ManagedCluster | undefined): PlanRow[] {
  const resource = `ManagedCluster ${name}`;
  if (!cluster)
    return [
      {
        resource,
        field: 'existence',
        change: 'missing',
        detail: 'not on the hub: has spoke-join run?',
      },
    ];
  const rows: PlanRow[] = [];
  if (cluster.spec?.hubAcceptsClient !== true)
    rows.push({
      resource,
      field: 'spec.hubAcceptsClient',
      change: 'accept',
      detail: 'the hub has not accepted it',
    });
  for (const type of [ACCEPTED, JOINED, AVAILABLE]) {
    const found = condition(cluster, type);
    if (found?.status !== 'True') {
      rows.push({
        resource,
        field: `condition ${type}`,
        change: found ? found.status : 'missing',
        detail: found?.message ?? found?.reason ?? 'not reported yet',
      });
    }
  }
  return rows;
}
