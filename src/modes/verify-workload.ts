import * as core from '../core.js';

import type { KubeClient } from '../kube/client.js';
import { type ManifestWork, condition, manifestWorkPath } from '../kube/ocm.js';
import { waitUntil } from '../kube/wait.js';

export const VERIFY_WORK_NAME = 'ocm-eks-join-verify';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';

/** A ConfigMap in the spoke's default namespace: harmless, and proves the work agent acts. */
function verificationWork(cluster: string): ManifestWork {
  return {
    apiVersion: 'work.open-cluster-management.io/v1',
    kind: 'ManifestWork',
    metadata: {
      name: VERIFY_WORK_NAME,
      namespace: cluster,
      labels: { [MANAGED_BY_LABEL]: 'ocm-eks-join' },
    },
    spec: {
      workload: {
        manifests: [
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: VERIFY_WORK_NAME, namespace: 'default' },
            data: { purpose: 'ocm-eks-join verify-workload round trip' },
          },
        ],
      },
    },
  };
}

/** Creates a ManifestWork per cluster, waits for Applied and Available, and deletes it again. */
export async function verifyWorkloads(
  client: KubeClient,
  clusters: string[],
  timeoutSeconds: number,
): Promise<string[]> {
  for (const cluster of clusters) {
    const path = manifestWorkPath(cluster, VERIFY_WORK_NAME);
    if (!(await client.get<ManifestWork>(path)))
      await client.create(manifestWorkPath(cluster), verificationWork(cluster));
  }
  await waitUntil({
    what: `ManifestWork ${VERIFY_WORK_NAME} to be applied and available on ${clusters.join(', ')}`,
    timeoutSeconds,
    hint: 'the work agent on each spoke',
    check: async () => {
      const pending: string[] = [];
      for (const cluster of clusters) {
        const work = await client.get<ManifestWork>(manifestWorkPath(cluster, VERIFY_WORK_NAME));
        for (const type of ['Applied', 'Available']) {
          if (condition(work, type)?.status !== 'True') pending.push(`${cluster} ${type}`);
        }
      }
      return pending.length === 0
        ? { done: true, value: true }
        : { done: false, missing: pending.join(', ') };
    },
  });
  for (const cluster of clusters) await client.delete(manifestWorkPath(cluster, VERIFY_WORK_NAME));
  core.info(`Workload round trip succeeded on ${clusters.join(', ')}`);
  return clusters;
}
