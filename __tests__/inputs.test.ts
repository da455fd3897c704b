import { describe, expect, it } from 'vitest';

import { readConfig } from '../src/inputs.js';

const HUB = 'arn:aws:eks:us-west-2:123456789012:cluster/hub';

function config(inputs: Record<string, string>) {
  return readConfig((name) => inputs[name] ?? '');
}

const spokePrepare = {
  mode: 'spoke-prepare',
  'hub-cluster-arn': HUB,
  'spoke-cluster-name': 'spoke-1',
  'aws-region': 'us-east-1',
};
const spokeJoin = {
  ...spokePrepare,
  mode: 'spoke-join',
  'hub-apiserver': 'https://hub.example:443',
  'hub-token': 'x',
};

describe('readConfig', () => {
  it('applies the defaults SPEC names', () => {
    const c = config(spokePrepare);
    expect(c.aws).toMatchObject({
      region: 'us-east-1',
      roleSessionName: 'ocm-eks-join',
      roleDurationSeconds: 3600,
      audience: 'sts.amazonaws.com',
    });
    expect(c.managedClusterNames).toEqual(['spoke-1']);
    expect(c.clusteradm.version).toBe('1.3.1');
    expect(c.clusteradm.mirror).toBe(
      'https://github.com/open-cluster-management-io/clusteradm/releases/download',
    );
    expect(c).toMatchObject({
      singleton: true,
      waitTimeoutSeconds: 600,
      dryRun: false,
      failOnDrift: false,
      verifyWorkload: false,
      deleteIam: false,
    });
  });

  it('never takes a spoke mode region from the hub ARN', () => {
    const saved = {
      AWS_REGION: process.env.AWS_REGION,
      AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION,
    };
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    try {
      expect(() => config({ ...spokePrepare, 'aws-region': '' })).toThrow(
        /Input 'aws-region' is required in mode spoke-prepare/,
      );
      expect(config({ mode: 'hub-init', 'hub-cluster-arn': HUB }).aws.region).toBe('us-west-2');
    } finally {
      Object.assign(
        process.env,
        Object.fromEntries(Object.entries(saved).filter(([, v]) => v !== undefined)),
      );
    }
  });

  it('splits cluster lists on commas and newlines in accept', () => {
    const c = config({
      mode: 'accept',
      'hub-cluster-arn': HUB,
      'managed-cluster-name': 'a, b\nc\n',
    });
    expect(c.managedClusterNames).toEqual(['a', 'b', 'c']);
  });

  it('accepts the OIDC provider ID bare or as the issuer', () => {
    expect(
      config({
        ...spokePrepare,
        'spoke-oidc-provider-id': 'https://oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123',
      }).spokeOidcProviderId,
    ).toBe('ABCDEF0123');
  });

  it('keeps auto-approval patterns one per line or comma', () => {
    const c = config({
      mode: 'hub-init',
      'hub-cluster-arn': HUB,
      'auto-approved-arn-patterns':
        'arn:aws:eks:.*:111111111111:cluster/.*\narn:aws:eks:us-east-1:.*:cluster/prod-.*',
    });
    expect(c.autoApprovedArnPatterns).toHaveLength(2);
  });

  // Every rule in SPEC's Errors section: one message naming the input, the problem and the form.
  it.each([
    [
      { ...spokePrepare, mode: 'join' },
      /Input 'mode' is "join"; expected one of spoke-prepare, hub-init/,
    ],
    [
      {
        ...spokePrepare,
        'hub-cluster-arn':
          'arn:aws:eks:us-west-2:123456789012:cluster/a-hub-name-that-is-much-too-long',
      },
      /Input 'hub-cluster-arn' names hub cluster "a-hub-name-that-is-much-too-long" of 32 characters.*at most 31/,
    ],
    [
      { ...spokePrepare, 'hub-cluster-arn': 'arn:aws:eks:us-west-2:123456789012:cluster/hub_1' },
      /Input 'hub-cluster-arn'.*'_'/,
    ],
    [
      { ...spokePrepare, 'hub-cluster-arn': 'arn:aws-cn:eks:cn-north-1:123456789012:cluster/hub' },
      /Input 'hub-cluster-arn' uses partition "aws-cn"/,
    ],
    [
      { ...spokePrepare, 'hub-cluster-arn': 'arn:aws:eks:us-west-2:1234567890:cluster/hub' },
      /Input 'hub-cluster-arn' has account ID "1234567890", which is not 12 digits/,
    ],
    [{ ...spokePrepare, 'spoke-cluster-name': 'spoke_1' }, /Input 'spoke-cluster-name'.*'_'/],
    [
      { ...spokePrepare, 'managed-cluster-name': 'Spoke.One' },
      /Input 'managed-cluster-name' holds "Spoke.One", which is not a DNS label/,
    ],
    [
      { ...spokePrepare, 'spoke-cluster-name': '' },
      /Input 'spoke-cluster-name' is required in mode spoke-prepare/,
    ],
    [
      { mode: 'spoke-prepare', 'spoke-cluster-name': 's', 'aws-region': 'us-east-1' },
      /Input 'hub-cluster-arn' is required in mode spoke-prepare/,
    ],
    [
      { ...spokePrepare, 'aws-region': 'mars-1' },
      /Input 'aws-region' is "mars-1"; expected a region such as us-west-2/,
    ],
    [
      { ...spokePrepare, 'role-to-assume': 'arn:aws:iam::123:user/x' },
      /Input 'role-to-assume' is "arn:aws:iam::123:user\/x"; expected an IAM role ARN/,
    ],
    [{ ...spokePrepare, 'dry-run': 'yes' }, /Input 'dry-run' is "yes"; expected true or false/],
    [
      { ...spokePrepare, 'wait-timeout-seconds': '10m' },
      /Input 'wait-timeout-seconds' is "10m"; expected a whole number of seconds/,
    ],
    [
      { ...spokePrepare, 'clusteradm-version': '0.11.0' },
      /Input 'clusteradm-version' is 0.11.0, older than 1.0.0/,
    ],
    [
      { ...spokePrepare, 'clusteradm-sha256': 'abc' },
      /Input 'clusteradm-sha256' is not a SHA-256 digest/,
    ],
    [
      { ...spokePrepare, 'token-passphrase': 'short' },
      /Input 'token-passphrase' has 5 characters; expected a secret of at least 16 characters/,
    ],
    [
      { mode: 'hub-init', 'hub-cluster-arn': HUB, 'auto-approved-arn-patterns': 'arn:aws:eks:(.*' },
      /Input 'auto-approved-arn-patterns' holds "arn:aws:eks:\(\.\*", which does not compile/,
    ],
    [
      { mode: 'hub-init', 'hub-cluster-arn': HUB, 'auto-approved-arn-patterns': 'cluster/a{1,3}' },
      /Input 'auto-approved-arn-patterns'.*comma/,
    ],
    [
      { mode: 'hub-init', 'hub-cluster-arn': HUB, 'auto-approved-arn-patterns': '(a+)+$' },
      /Input 'auto-approved-arn-patterns'.*backtrack/,
    ],
    [
      { ...spokeJoin, 'hub-token': '' },
      /Input 'hub-token' is missing: spoke-join needs a bootstrap token/,
    ],
    [{ ...spokeJoin, 'hub-apiserver': '' }, /Input 'hub-apiserver' is required in mode spoke-join/],
    [
      { ...spokeJoin, 'hub-token': '', 'hub-token-sealed': 'ocm-seal-v1.x' },
      /Input 'token-passphrase' is required to open 'hub-token-sealed'/,
    ],
    [
      { ...spokeJoin, 'hub-apiserver': 'http://hub' },
      /Input 'hub-apiserver' is "http:\/\/hub"; expected the hub API server URL/,
    ],
    [
      { mode: 'accept', 'hub-cluster-arn': HUB },
      /Input 'managed-cluster-name' is required in mode accept/,
    ],
    [
      { mode: 'hub-init', 'hub-cluster-arn': HUB, 'hub-cluster-name': 'other' },
      /Input 'hub-cluster-name' is "other" but 'hub-cluster-arn' names cluster "hub"/,
    ],
  ])('refuses %o', (inputs, message) => {
    expect(() => config(inputs)).toThrow(message);
  });

  it('quotes a value carrying a newline and a workflow command so it cannot start a line', () => {
    let message = '';
    try {
      config({ ...spokePrepare, 'managed-cluster-name': 'x\n::set-output name=a::b' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("Input 'managed-cluster-name'");
    expect(message).not.toMatch(/\n/);
  });
});
