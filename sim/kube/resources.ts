// The kinds the simulator serves, with the names discovery and REST paths use.

export interface KindInfo {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  // CRDs with a status subresource ignore status on the main resource, as OCM's do.
  statusSubresource: boolean;
  shortNames?: string[];
}

const OCM_CLUSTER = 'cluster.open-cluster-management.io';
const OCM_WORK = 'work.open-cluster-management.io';
const OCM_OPERATOR = 'operator.open-cluster-management.io';

export const KINDS: readonly KindInfo[] = [
  kind('', 'Namespace', 'namespaces', false, false, ['ns']),
  kind('', 'ServiceAccount', 'serviceaccounts', true, false, ['sa']),
  kind(OCM_CLUSTER, 'ManagedCluster', 'managedclusters', false, true, ['mcl', 'mcls']),
  kind(OCM_WORK, 'ManifestWork', 'manifestworks', true, true, ['mw']),
  kind(OCM_WORK, 'AppliedManifestWork', 'appliedmanifestworks', false, true),
  kind(OCM_OPERATOR, 'ClusterManager', 'clustermanagers', false, true),
  kind(OCM_OPERATOR, 'Klusterlet', 'klusterlets', false, true),
];

function kind(
  group: string,
  kindName: string,
  plural: string,
  namespaced: boolean,
  statusSubresource: boolean,
  shortNames?: string[],
): KindInfo {
  const singular = kindName.toLowerCase();
  return {
    group,
    version: 'v1',
    kind: kindName,
    plural,
    singular,
    namespaced,
    statusSubresource,
    shortNames,
  };
}

export function apiVersionOf(info: KindInfo): string {
  return info.group === '' ? info.version : `${info.group}/${info.version}`;
}

/** The `plural.group` name Kubernetes uses in messages, e.g. `managedclusters.cluster.…`. */
export function qualifiedName(info: KindInfo): string {
  return info.group === '' ? info.plural : `${info.plural}.${info.group}`;
}

/** Finds a kind by apiVersion and either its Kind or plural (case-insensitive). */
export function findKind(apiVersion: string, kindOrPlural: string): KindInfo | undefined {
  const wanted = kindOrPlural.toLowerCase();
  return KINDS.find(
    (k) =>
      apiVersionOf(k) === apiVersion &&
      (k.kind.toLowerCase() === wanted || k.plural === wanted || k.singular === wanted),
  );
}

export function findByPath(group: string, version: string, plural: string): KindInfo | undefined {
  return KINDS.find((k) => k.group === group && k.version === version && k.plural === plural);
}

export function requireKind(apiVersion: string, kindOrPlural: string): KindInfo {
  const info = findKind(apiVersion, kindOrPlural);
  if (!info) throw new Error(`The simulator does not serve ${kindOrPlural} in ${apiVersion}`);
  return info;
}

export const NAMESPACE_KIND = requireKind('v1', 'Namespace');
export const SERVICE_ACCOUNT_KIND = requireKind('v1', 'ServiceAccount');
export const MANAGED_CLUSTER_KIND = requireKind(`${OCM_CLUSTER}/v1`, 'ManagedCluster');
export const MANIFEST_WORK_KIND = requireKind(`${OCM_WORK}/v1`, 'ManifestWork');
export const CLUSTER_MANAGER_KIND = requireKind(`${OCM_OPERATOR}/v1`, 'ClusterManager');
export const KLUSTERLET_KIND = requireKind(`${OCM_OPERATOR}/v1`, 'Klusterlet');
