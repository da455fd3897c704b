import { describe, expect, it } from 'vitest';

import {
  clusterRef,
  hubRoleName,
  identityCreatorRoleName,
  ocmHash,
  oidcProviderArn,
  parseClusterArn,
  spokeRoleName,
} from '../src/naming.js';

describe('ocmHash', () => {
  // The three vectors OCM's own sources use, checked with md5sum.
  it.each([
    [
      'hubaccount1',
      'hubcluster1',
      'managedaccount1',
      'managedcluster1',
      '79e99112993014816615711cbd35a9bc',
    ],
    ['123456789012', 'hub', '567890123456', 'spoke', '138c525cf3b7f74ba3b945e7847792cc'],
    [
      '123456789012',
      'hub-cluster1',
      '123456789012',
      'managed-cluster1',
      '7f8141296c75f2871e3d030f85c35692',
    ],
  ])('%s#%s#%s#%s', (hubAccount, hubName, spokeAccount, spokeName, expected) => {
    const hub = clusterRef('us-west-2', hubAccount, hubName);
    const spoke = clusterRef('eu-west-1', spokeAccount, spokeName);
    expect(ocmHash(hub, spoke)).toBe(expected);
  });

  it('ignores the regions, which OCM leaves out of the hash', () => {
    const a = ocmHash(
      clusterRef('us-west-2', '123456789012', 'hub'),
      clusterRef('us-east-1', '567890123456', 'spoke'),
    );
    const b = ocmHash(
      clusterRef('eu-west-1', '123456789012', 'hub'),
      clusterRef('ap-south-1', '567890123456', 'spoke'),
    );
    expect(a).toBe(b);
  });
});

describe('role names', () => {
  const hub = parseClusterArn('arn:aws:eks:us-west-2:123456789012:cluster/hub', 'hub-cluster-arn');
  const spoke = clusterRef('us-east-1', '567890123456', 'spoke');

  it('names the spoke, hub and identity-creator roles as OCM does', () => {
    expect(spokeRoleName(hub, spoke)).toBe('ocm-managed-cluster-138c525cf3b7f74ba3b945e7847792cc');
    expect(hubRoleName(hub, spoke)).toBe('ocm-hub-138c525cf3b7f74ba3b945e7847792cc');
    expect(identityCreatorRoleName(hub)).toBe('hub_managed-cluster-identity-creator');
  });

  it('derives the OIDC provider ARN from the issuer', () => {
    expect(
      oidcProviderArn('567890123456', 'https://oidc.eks.us-east-1.amazonaws.com/id/ABC123'),
    ).toBe('arn:aws:iam::567890123456:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC123');
  });
});

describe('parseClusterArn', () => {
  it('splits a valid ARN', () => {
    expect(
      parseClusterArn(
        'arn:aws:eks:eu-central-1:123456789012:cluster/prod-hub-1',
        'hub-cluster-arn',
      ),
    ).toEqual({
      arn: 'arn:aws:eks:eu-central-1:123456789012:cluster/prod-hub-1',
      region: 'eu-central-1',
      account: '123456789012',
      name: 'prod-hub-1',
    });
  });

  it.each([
    [
      'arn:aws-cn:eks:cn-north-1:123456789012:cluster/hub',
      /partition "aws-cn".*expected partition 'aws'/,
    ],
    ['arn:aws-us-gov:eks:us-gov-west-1:123456789012:cluster/hub', /partition "aws-us-gov"/],
    ['arn:aws:eks:us-west-2:12345:cluster/hub', /account ID "12345", which is not 12 digits/],
    ['arn:aws:eks:us-west-2:123456789012:cluster/my_hub', /"my_hub" with '_'/],
    ['arn:aws:eks:US-WEST:123456789012:cluster/hub', /region "US-WEST"/],
    ['hub', /is not an EKS cluster ARN; expected arn:aws:eks:<region>/],
  ])('refuses %s', (value, message) => {
    expect(() => parseClusterArn(value, 'hub-cluster-arn')).toThrow(message);
    expect(() => parseClusterArn(value, 'hub-cluster-arn')).toThrow(/Input 'hub-cluster-arn'/);
  });
});
