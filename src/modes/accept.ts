import * as core from '../core.js';

import { runClusteradm } from '../clusteradm/run.js';
import { ActionError } from '../errors.js';
import type { Config } from '../inputs.js';
import {
  ACCEPTED,
  AVAILABLE,
  clusterProblems,
  readManagedClusters,
} from '../kube/managed-clusters.js';
import { condition } from '../kube/ocm.js';
import { accessEksCluster } from '../kube/target.js';
import { waitUntil } from '../kube/wait.js';
import { dryRunResult } from './dry-run.js';
import type { ModeResult } from '../outputs.js';
import { openHub, setUpClusteradm } from './hub-common.js';
import { verifyWorkloads } from './verify-workload.js';

/**
 * accept: `clusteradm accept` for the clusters the hub has not accepted yet, then waits until
 * every named ManagedCluster is accepted and available.
 */
export async function accept(config: Config): Promise<ModeResult> {
  const names = config.managedClusterNames;
  const { session, ref: hub, cluster } = await openHub(config);
  const access = await accessEksCluster(session, cluster, config.kubeconfig);

  const current = await readManagedClusters(access.client, names);
  const rows = names.flatMap((name) => clusterProblems(name, current.get(name)));
  const outputs = {
    'hub-cluster-arn': hub.arn,
    'managed-cluster-name': names.join(','),
    kubeconfig: access.kubeconfig,
    'hub-apiserver': access.server,
  };
  const facts: Array<[string, string]> = [
    ['Hub cluster', hub.arn],
    ['Managed clusters', names.join(', ')],
  ];

  if (config.dryRun) {
    return dryRunResult({
      mode: 'accept',
      outputs,
      facts,
      rows,
      heading: 'Drift',
      inSync: 'No drift: every ManagedCluster is accepted, joined and available.',
    });
  }

  // A spoke job may still be registering; its ManagedCluster appears on the hub shortly.
  const missing = names.filter((name) => !current.get(name));
  if (missing.length > 0) {
    core.info(`Waiting for ${missing.join(', ')} to appear on the hub`);
    await waitUntil({
      what: `ManagedCluster(s) ${missing.join(', ')} to appear on the hub`,
      timeoutSeconds: config.waitTimeoutSeconds,
      hint: 'that spoke-join ran for each name and succeeded',
      check: async () => {
        const now = await readManagedClusters(access.client, missing);
        const absent = missing.filter((name) => !now.get(name));
        for (const [name, found] of now) current.set(name, found);
        return absent.length === 0
          ? { done: true, value: true }
          : { done: false, missing: absent.join(', ') };
      },
    });
  }

  const toAccept = names.filter((name) => current.get(name)?.spec?.hubAcceptsClient !== true);
  const clusteradm = await setUpClusteradm(config);
  if (toAccept.length > 0) {
    await runClusteradm({
      binary: clusteradm.path,
      args: ['accept', '--clusters', toAccept.join(',')],
      kubeconfig: access.kubeconfig,
      env: access.env,
      timeoutSeconds: config.waitTimeoutSeconds + 60,
      title: `clusteradm accept ${toAccept.join(',')}`,
    });
    core.info(`Accepted ${toAccept.join(', ')}`);
  } else {
    core.info('Every cluster was already accepted; clusteradm accept skipped');
  }

  await waitUntil({
    what: `${names.join(', ')} to be accepted and available`,
    timeoutSeconds: config.waitTimeoutSeconds,
    hint: "the klusterlet on each spoke (it must be able to pull amazon/aws-cli:latest) and the hub's registration controller",
    check: async () => {
      const now = await readManagedClusters(access.client, names);
      const waiting: string[] = [];
      for (const name of names) {
        const managed = now.get(name);
        const accepted = condition(managed, ACCEPTED);
        // The hub reports AWS failures (the identity-creator role, its permissions) here.
        if (accepted?.status === 'False') {
          throw new ActionError(
            `The hub did not accept ManagedCluster ${name}: ${ACCEPTED}=False (${accepted.reason ?? 'no reason'}): ${accepted.message ?? 'no message'}. Check the identity-creator role and its permissions.`,
            { call: 'clusteradm accept' },
          );
        }
        if (accepted?.status !== 'True') waiting.push(`${name} ${ACCEPTED}`);
        else if (condition(managed, AVAILABLE)?.status !== 'True')
          waiting.push(`${name} ${AVAILABLE}`);
      }
      return waiting.length === 0
        ? { done: true, value: true }
        : { done: false, missing: waiting.join(', ') };
    },
  });
  core.info(`All ${names.length} ManagedCluster(s) are accepted and available`);

  const verified = config.verifyWorkload
    ? await verifyWorkloads(access.client, names, config.waitTimeoutSeconds)
    : [];
  const changeRows = toAccept.map((name) => ({
    resource: `ManagedCluster ${name}`,
    field: 'spec.hubAcceptsClient',
    change: 'accept',
    detail: 'accepted; now available',
  }));
  return {
    outputs: {
      ...outputs,
      'clusteradm-version': clusteradm.version,
      'clusteradm-path': clusteradm.path,
    },
    changed: toAccept.length > 0,
    drift: false,
    report: {
      title: 'ocm-eks-join: accept',
      facts: [
        ...facts,
        ...verified.map((name): [string, string] => [
          `Workload round trip`,
          `${name}: applied, available, removed`,
        ]),
      ],
      tableTitle: changeRows.length ? 'Changes' : undefined,
      rows: changeRows,
      emptyText: 'Every cluster was already accepted and available; nothing changed.',
      next: 'schedule the same jobs with `dry-run: true` and `fail-on-drift: true` as a drift check.',
    },
  };
}
