// Discovery documents, enough for kubectl to map `managedclusters` and friends to REST paths.

import { KINDS, type KindInfo } from './resources.js';

const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update'];

export function versionInfo(): Record<string, string> {
  return {
    major: '1',
    minor: '30',
    gitVersion: 'v1.30.0-eks-sim',
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-01-01T00:00:00Z',
    goVersion: 'go1.22.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function coreVersions(hostPort: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: hostPort }],
  };
}

function groupNames(): string[] {
  return [...new Set(KINDS.filter((k) => k.group !== '').map((k) => k.group))];
}

function groupEntry(group: string): Record<string, unknown> {
  const version = { groupVersion: `${group}/v1`, version: 'v1' };
  return { name: group, versions: [version], preferredVersion: version };
}

export function groupList(): Record<string, unknown> {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groupNames().map(groupEntry) };
}

export function group(name: string): Record<string, unknown> | undefined {
  if (!groupNames().includes(name)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(name) };
}

function resourceEntries(info: KindInfo): Record<string, unknown>[] {
  const main = {
    name: info.plural,
    singularName: info.singular,
    namespaced: info.namespaced,
    kind: info.kind,
    verbs: VERBS,
    ...(info.shortNames ? { shortNames: info.shortNames } : {}),
  };
  const entries: Record<string, unknown>[] = [main];
  if (info.statusSubresource || info.kind === 'Namespace') {
    entries.push({
      name: `${info.plural}/status`,
      singularName: '',
      namespaced: info.namespaced,
      kind: info.kind,
      verbs: ['get', 'patch', 'update'],
    });
  }
  if (info.kind === 'ServiceAccount') {
    entries.push({
      name: 'serviceaccounts/token',
      singularName: '',
      namespaced: true,
      group: 'authentication.k8s.io',
      version: 'v1',
      kind: 'TokenRequest',
      verbs: ['create'],
    });
  }
  return entries;
}

export function resourceList(
  groupName: string,
  version: string,
): Record<string, unknown> | undefined {
  const kinds = KINDS.filter((k) => k.group === groupName && k.version === version);
  if (kinds.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupName === '' ? version : `${groupName}/${version}`,
    resources: kinds.flatMap(resourceEntries),
  };
}
