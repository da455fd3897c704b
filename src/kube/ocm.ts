/**
 * The slice of the Open Cluster Management API the action reads and writes: resource types with
 * only the fields it uses, and the REST paths of each resource.
 */

/** A status condition as Kubernetes and OCM write them. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

/** The metadata fields the action looks at. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  creationTimestamp?: string;
  deletionTimestamp?: string;
}

/** The fields every object has; each kind adds its own spec and status. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
}

/** What `list` returns before the client unwraps `items`. */
export interface KubeList<T> {
  items: T[];
  metadata?: { continue?: string; resourceVersion?: string };
}

/** A Kubernetes `Status`, the body of API errors. */
export interface KubeStatus {
  kind?: 'Status';
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
}

/** cluster.open-cluster-management.io/v1 ManagedCluster, cluster-scoped, on the hub. */
export interface ManagedCluster extends KubeObject {
  spec?: {
    hubAcceptsClient?: boolean;
    leaseDurationSeconds?: number;
    managedClusterClientConfigs?: { url: string; caBundle?: string }[];
  };
  status?: {
    conditions?: Condition[];
    version?: { kubernetes?: string };
  };
}

/** work.open-cluster-management.io/v1 ManifestWork, in the namespace named after the cluster. */
export interface ManifestWork extends KubeObject {
  spec: {
    workload: { manifests: Record<string, unknown>[] };
    deleteOption?: { propagationPolicy?: 'Foreground' | 'Orphan' | 'SelectivelyOrphan' };
  };
  status?: {
    conditions?: Condition[];
    resourceStatus?: { manifests?: { conditions?: Condition[] }[] };
  };
}

/** work.open-cluster-management.io/v1 AppliedManifestWork, cluster-scoped, on the spoke. */
export interface AppliedManifestWork extends KubeObject {
  spec?: { hubHash?: string; manifestWorkName?: string; agentID?: string };
}

/** operator.open-cluster-management.io/v1 Klusterlet, cluster-scoped, on the spoke. */
export interface Klusterlet extends KubeObject {
  spec?: {
    clusterName?: string;
    namespace?: string;
    deployOption?: { mode?: string };
    registrationConfiguration?: {
      registrationDriver?: {
        authType?: string;
        awsIrsa?: { hubClusterArn?: string; managedClusterArn?: string };
      };
    };
  };
  status?: { conditions?: Condition[] };
}

/** operator.open-cluster-management.io/v1 ClusterManager, cluster-scoped, on the hub. */
export interface ClusterManager extends KubeObject {
  spec?: {
    registrationConfiguration?: {
      featureGates?: { feature: string; mode?: 'Enable' | 'Disable' }[];
      registrationDrivers?: {
        authType?: string;
        awsirsa?: { hubClusterArn?: string; autoApprovedIdentities?: string[]; tags?: string[] };
      }[];
    };
  };
  status?: { conditions?: Condition[] };
}

/** The name clusteradm gives the single Klusterlet on a spoke. */
export const KLUSTERLET_NAME = 'klusterlet';

/** The name clusteradm gives the single ClusterManager on a hub. */
export const CLUSTER_MANAGER_NAME = 'cluster-manager';

const segment = (name: string): string => encodeURIComponent(name);

/** ManagedClusters, or one of them when `name` is given. */
export function managedClusterPath(name?: string): string {
  const base = '/apis/cluster.open-cluster-management.io/v1/managedclusters';
  return name === undefined ? base : `${base}/${segment(name)}`;
}

/** The ManifestWorks of a cluster namespace, or one of them when `name` is given. */
export function manifestWorkPath(namespace: string, name?: string): string {
  const base = `/apis/work.open-cluster-management.io/v1/namespaces/${segment(namespace)}/manifestworks`;
  return name === undefined ? base : `${base}/${segment(name)}`;
}

/** The spoke's Klusterlet. */
export function klusterletPath(name: string = KLUSTERLET_NAME): string {
  return `/apis/operator.open-cluster-management.io/v1/klusterlets/${segment(name)}`;
}

/** The hub's ClusterManager. */
export function clusterManagerPath(name: string = CLUSTER_MANAGER_NAME): string {
  return `/apis/operator.open-cluster-management.io/v1/clustermanagers/${segment(name)}`;
}

/** The spoke's AppliedManifestWorks, whose presence keeps `clusteradm unjoin` from acting. */
export function appliedManifestWorksPath(): string {
  return '/apis/work.open-cluster-management.io/v1/appliedmanifestworks';
}

/** The condition of `type` in an object's status, if the object reports it. */
export function condition(
  obj: { status?: { conditions?: Condition[] } } | undefined,
  type: string,
): Condition | undefined {
  return obj?.status?.conditions?.find((c) => c.type === type);
}

/** Whether the object reports condition `type` with status True. */
export function isConditionTrue(
  obj: { status?: { conditions?: Condition[] } } | undefined,
  type: string,
): boolean {
  return condition(obj, type)?.status === 'True';
}
