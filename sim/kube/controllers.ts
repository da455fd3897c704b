// Simulated hub and agent controllers. Each change to a watched object schedules a reconcile
// after the configured delay; a reconcile moves the object one step and its own write schedules
// the next, so conditions flip in the order OCM's controllers produce them.

import { getCondition, isTrue, setCondition } from './conditions.js';
import {
  CLUSTER_MANAGER_KIND,
  KLUSTERLET_KIND,
  type KindInfo,
  MANAGED_CLUSTER_KIND,
  MANIFEST_WORK_KIND,
  NAMESPACE_KIND,
} from './resources.js';
import type { ObjectStore } from './store.js';
import type { KubeObject } from './types.js';

export const CLEANUP_FINALIZER = 'cluster.open-cluster-management.io/api-resource-cleanup';
export const ARN_ANNOTATION = 'agent.open-cluster-management.io/managed-cluster-arn';
const ACCEPTED = 'HubAcceptedManagedCluster';
const JOINED = 'ManagedClusterJoined';
const AVAILABLE = 'ManagedClusterConditionAvailable';

type ConditionSpec = [type: string, status: 'True' | 'False', reason: string, message: string];

// What the work agent, the klusterlet operator and the cluster-manager operator report once done.
const STEADY_CONDITIONS = new Map<KindInfo, ConditionSpec[]>([
  [
    MANIFEST_WORK_KIND,
    [
      ['Applied', 'True', 'AppliedManifestWorkComplete', 'Apply manifest work complete'],
      ['Available', 'True', 'ResourcesAvailable', 'All resources are available'],
    ],
  ],
  [
    KLUSTERLET_KIND,
    [
      ['Applied', 'True', 'KlusterletApplied', 'Klusterlet Component Applied'],
      ['Available', 'True', 'KlusterletAvailable', 'All components are available'],
      ['HubConnectionDegraded', 'False', 'HubConnectionFunctional', 'Hub connection is functional'],
      ['RegistrationDesiredDegraded', 'False', 'RegistrationFunctional', 'Registration is working'],
    ],
  ],
  [
    CLUSTER_MANAGER_KIND,
    [
      ['Applied', 'True', 'ClusterManagerApplied', 'Components of cluster manager are applied'],
      ['Progressing', 'False', 'ClusterManagerUpToDate', 'Components are up to date'],
      ['HubRegistrationDegraded', 'False', 'RegistrationFunctional', 'Registration is working'],
    ],
  ],
]);

export interface ControllerHooks {
  canReleaseFinalizer: (name: string) => boolean | Promise<boolean>;
  onAccepted?: (name: string, obj: KubeObject) => void | Promise<void>;
  onReleased?: (name: string) => void | Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether the ClusterManager's auto-approval settings accept this cluster's ARN. */
export function autoApproves(hub: KubeObject | undefined, cluster: KubeObject): boolean {
  const config = hub?.spec?.registrationConfiguration;
  const gates: Array<{ feature?: string; mode?: string }> = config?.featureGates ?? [];
  const enabled = gates.some(
    (g) => g.feature === 'ManagedClusterAutoApproval' && g.mode === 'Enable',
  );
  const arn = cluster.metadata.annotations?.[ARN_ANNOTATION];
  if (!enabled || !arn) return false;
  const drivers: Array<{ authType?: string; awsirsa?: { autoApprovedIdentities?: string[] } }> =
    config?.registrationDrivers ?? [];
  const patterns = drivers
    .filter((d) => d.authType === 'awsirsa')
    .flatMap((d) => d.awsirsa?.autoApprovedIdentities ?? []);
  return patterns.some((pattern) => {
    try {
      return new RegExp(`^(?:${pattern})$`).test(arn);
    } catch {
      return false;
    }
  });
}

export class Controllers {
  /** Cluster name -> the message its acceptance fails with. */
  readonly acceptFailures = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pending = new Set<string>();
  private readonly busy = new Set<string>();
  private closed = false;

  constructor(
    private readonly store: ObjectStore,
    private readonly delayMs: number,
    private readonly hooks: () => ControllerHooks,
  ) {
    store.onChange((info, obj) => {
      this.enqueue(info, obj.metadata.name ?? '', obj.metadata.namespace);
    });
  }

  enqueue(info: KindInfo, name: string, namespace?: string): void {
    const key = `${info.kind}/${namespace ?? ''}/${name}`;
    if (this.closed || this.pending.has(key)) return;
    this.pending.add(key);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.pending.delete(key);
      // One reconcile per object at a time; a change during a slow hook is handled afterwards.
      if (this.busy.has(key)) {
        this.enqueue(info, name, namespace);
        return;
      }
      this.busy.add(key);
      this.reconcile(info, name, namespace)
        .catch(() => this.enqueue(info, name, namespace))
        .finally(() => this.busy.delete(key));
    }, this.delayMs);
    this.timers.add(timer);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async reconcile(info: KindInfo, name: string, namespace?: string): Promise<void> {
    if (this.closed) return;
    if (info === MANAGED_CLUSTER_KIND) return this.reconcileCluster(name);
    const steady = STEADY_CONDITIONS.get(info);
    const obj = this.store.get(info, name, namespace);
    if (!steady || !obj || obj.metadata.deletionTimestamp) return;
    for (const [type, status, reason, message] of steady) {
      setCondition(obj, type, status, reason, message);
    }
    if (info === CLUSTER_MANAGER_KIND) this.enqueueWaitingClusters();
    this.store.update(info, name, namespace, obj, 'status');
  }

  // A new gate or pattern on the ClusterManager may accept clusters that are still waiting.
  private enqueueWaitingClusters(): void {
    for (const cluster of this.store.list(MANAGED_CLUSTER_KIND)) {
      if (getCondition(cluster, ACCEPTED)) continue;
      this.enqueue(MANAGED_CLUSTER_KIND, cluster.metadata.name ?? '');
    }
  }

  private async reconcileCluster(name: string): Promise<void> {
    const cluster = this.store.get(MANAGED_CLUSTER_KIND, name);
    if (!cluster) return;
    const finalizers = cluster.metadata.finalizers ?? [];

    if (cluster.metadata.deletionTimestamp) {
      if (finalizers.includes(CLEANUP_FINALIZER)) await this.releaseFinalizer(name);
      return;
    }

    if (!finalizers.includes(CLEANUP_FINALIZER)) {
      cluster.metadata.finalizers = [...finalizers, CLEANUP_FINALIZER];
      this.store.update(MANAGED_CLUSTER_KIND, name, undefined, cluster);
      return;
    }

    if (!cluster.spec?.hubAcceptsClient) {
      const fresh = !getCondition(cluster, ACCEPTED);
      const hub = this.store.get(CLUSTER_MANAGER_KIND, 'cluster-manager');
      if (fresh && autoApproves(hub, cluster)) {
        cluster.spec = { ...cluster.spec, hubAcceptsClient: true };
        this.store.update(MANAGED_CLUSTER_KIND, name, undefined, cluster);
      } else if (isTrue(cluster, ACCEPTED)) {
        const message = 'Denied by hub cluster admin';
        setCondition(cluster, ACCEPTED, 'False', 'HubClusterAdminDenied', message);
        this.store.update(MANAGED_CLUSTER_KIND, name, undefined, cluster, 'status');
      }
      return;
    }

    const failure = this.acceptFailures.get(name);
    if (failure !== undefined || !isTrue(cluster, ACCEPTED)) {
      await this.accept(name, cluster, failure);
      return;
    }
    if (!isTrue(cluster, JOINED)) {
      setCondition(cluster, JOINED, 'True', 'ManagedClusterJoined', 'Managed cluster joined');
      const message = 'Managed cluster is available';
      setCondition(cluster, AVAILABLE, 'True', 'ManagedClusterAvailable', message);
      this.store.update(MANAGED_CLUSTER_KIND, name, undefined, cluster, 'status');
    }
  }

  private async accept(name: string, cluster: KubeObject, failure?: string): Promise<void> {
    let error = failure;
    if (error === undefined) {
      try {
        await this.hooks().onAccepted?.(name, cluster);
      } catch (cause) {
        error = messageOf(cause);
      }
    }

    const current = this.store.get(MANAGED_CLUSTER_KIND, name);
    if (!current || current.metadata.deletionTimestamp || !current.spec?.hubAcceptsClient) return;
    if (error !== undefined) {
      setCondition(current, ACCEPTED, 'False', 'Error', error);
    } else {
      if (!this.store.get(NAMESPACE_KIND, name)) {
        this.store.create(NAMESPACE_KIND, undefined, { metadata: { name } });
      }
      const message = 'Accepted by hub cluster admin';
      setCondition(current, ACCEPTED, 'True', 'HubClusterAdminAccepted', message);
    }
    this.store.update(MANAGED_CLUSTER_KIND, name, undefined, current, 'status');
  }

  private async releaseFinalizer(name: string): Promise<void> {
    let release: boolean;
    try {
      release = await this.hooks().canReleaseFinalizer(name);
    } catch {
      release = false;
    }
    // A finalizer that may not go yet hangs, as on a hub that lacks the identity-creator role.
    if (!release) {
      this.enqueue(MANAGED_CLUSTER_KIND, name);
      return;
    }
    const current = this.store.get(MANAGED_CLUSTER_KIND, name);
    if (!current) return;
    current.metadata.finalizers = (current.metadata.finalizers ?? []).filter(
      (f) => f !== CLEANUP_FINALIZER,
    );
    this.store.update(MANAGED_CLUSTER_KIND, name, undefined, current);
    await this.hooks().onReleased?.(name);
  }
}
