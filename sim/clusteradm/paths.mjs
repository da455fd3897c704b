// REST paths and names the fake clusteradm reads and writes.

export const CLUSTER_MANAGERS = '/apis/operator.open-cluster-management.io/v1/clustermanagers';
export const KLUSTERLETS = '/apis/operator.open-cluster-management.io/v1/klusterlets';
export const MANAGED_CLUSTERS = '/apis/cluster.open-cluster-management.io/v1/managedclusters';
export const APPLIED_WORKS = '/apis/work.open-cluster-management.io/v1/appliedmanifestworks';
export const NAMESPACES = '/api/v1/namespaces';
export const HUB_NAMESPACE = 'open-cluster-management';
export const BOOTSTRAP_SA = 'agent-registration-bootstrap';
export const SERVICE_ACCOUNTS = `${NAMESPACES}/${HUB_NAMESPACE}/serviceaccounts`;
export const TOKEN_REQUEST = `${SERVICE_ACCOUNTS}/${BOOTSTRAP_SA}/token`;
export const ARN_ANNOTATION = 'agent.open-cluster-management.io/managed-cluster-arn';

export function conditionIs(obj, type, status = 'True') {
  return (obj?.status?.conditions ?? []).some((c) => c.type === type && c.status === status);
}

export function imageSpecs(bundleVersion, components) {
  const tag = bundleVersion.startsWith('v') ? bundleVersion : `v${bundleVersion}`;
  return Object.fromEntries(
    components.map((c) => [`${c}ImagePullSpec`, `quay.io/open-cluster-management/${c}:${tag}`]),
  );
}
