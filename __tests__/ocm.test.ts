import { describe, expect, it } from 'vitest';

import {
  appliedManifestWorksPath,
  clusterManagerPath,
  condition,
  isConditionTrue,
  klusterletPath,
  managedClusterPath,
  type ManagedCluster,
  manifestWorkPath,
} from '../src/kube/ocm.js';

describe('OCM paths', () => {
  it('builds the REST paths of each resource', () => {
    expect(managedClusterPath()).toBe(
      '/apis/cluster.open-cluster-management.io/v1/managedclusters',
    );
    expect(managedClusterPath('spoke-1')).toBe(
      '/apis/cluster.open-cluster-management.io/v1/managedclusters/spoke-1',
    );
    expect(manifestWorkPath('spoke-1')).toBe(
      '/apis/work.open-cluster-management.io/v1/namespaces/spoke-1/manifestworks',
    );
    expect(manifestWorkPath('spoke-1', 'probe')).toBe(
      '/apis/work.open-cluster-management.io/v1/namespaces/spoke-1/manifestworks/probe',
    );
    expect(klusterletPath()).toBe(
      '/apis/operator.open-cluster-management.io/v1/klusterlets/klusterlet',
    );
    expect(clusterManagerPath()).toBe(
      '/apis/operator.open-cluster-management.io/v1/clustermanagers/cluster-manager',
    );
    expect(appliedManifestWorksPath()).toBe(
      '/apis/work.open-cluster-management.io/v1/appliedmanifestworks',
    );
  });

  it('escapes names so that a bad one cannot change the path', () => {
    expect(managedClusterPath('a/../b')).toBe(
      '/apis/cluster.open-cluster-management.io/v1/managedclusters/a%2F..%2Fb',
    );
  });
});

describe('condition', () => {
  const cluster: ManagedCluster = {
    metadata: { name: 'spoke-1' },
    status: {
      conditions: [
        { type: 'HubAcceptedManagedCluster', status: 'True' },
        { type: 'ManagedClusterConditionAvailable', status: 'Unknown', message: 'lease' },
      ],
    },
  };

  it('finds a condition by type', () => {
    expect(condition(cluster, 'ManagedClusterConditionAvailable')?.message).toBe('lease');
    expect(condition(cluster, 'ManagedClusterJoined')).toBeUndefined();
    expect(condition(undefined, 'HubAcceptedManagedCluster')).toBeUndefined();
    expect(condition({ metadata: { name: 'x' } } as ManagedCluster, 'Any')).toBeUndefined();
  });

  it('tells whether a condition is True', () => {
    expect(isConditionTrue(cluster, 'HubAcceptedManagedCluster')).toBe(true);
    expect(isConditionTrue(cluster, 'ManagedClusterConditionAvailable')).toBe(false);
    expect(isConditionTrue(cluster, 'ManagedClusterJoined')).toBe(false);
  });
});
