import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { Fleet } from '../sim/fleet.js';
import { type ActionRun, runAction } from '../sim/action-runner.js';
import { sealToken } from '../src/token/seal.js';

// Hostile inputs: each one is refused with one annotation naming the input, or used as a plain
// value; none is run by a shell, starts a workflow command, or floods the log.

const SPOKE = { name: 'spoke-x', account: '222222222222', region: 'us-east-1' };
const PASSPHRASE = 'a passphrase for the abuse tests';

let fleet: Fleet;
let scratch: string;
let marker: string;

beforeAll(async () => {
  fleet = await Fleet.start({ spokes: [SPOKE] });
  scratch = await mkdtemp(join(tmpdir(), 'ocm-eks-join-abuse-'));
  marker = join(scratch, 'pwned');
});
afterAll(async () => {
  await fleet?.close();
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(() => fleet.aws.resetLog());

const spokeInputs = (): Record<string, string> => ({
  mode: 'spoke-prepare',
  'role-to-assume': fleet.roleFor(SPOKE.account),
  'aws-region': SPOKE.region,
  'hub-cluster-arn': fleet.hub.arn,
  'spoke-cluster-name': SPOKE.name,
  ...fleet.commonInputs(),
});

const hubInputs = (mode = 'hub-init'): Record<string, string> => ({
  mode,
  'role-to-assume': fleet.roleFor(fleet.hub.account),
  'hub-cluster-arn': fleet.hub.arn,
  ...fleet.commonInputs(),
});

const run = (inputs: Record<string, string>) => runAction(inputs, { env: fleet.jobEnv() });

function expectRefused(result: ActionRun, input: string): void {
  expect(result.code).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0].startsWith(`Input '${input}' `)).toBe(true);
}

describe('shell metacharacters', () => {
  const payloads = () => [
    `$(touch ${marker})`,
    `\`touch ${marker}\``,
    `x; touch ${marker}`,
    'x; rm -rf /tmp/ocm-eks-join-nothing',
  ];
  it.each([
    ['spoke-cluster-name', spokeInputs],
    ['managed-cluster-name', spokeInputs],
    ['bundle-version', hubInputs],
    ['aws-resource-tags', hubInputs],
  ])('in %s are refused and never run', async (input, base) => {
    for (const payload of payloads()) {
      const result = await run({ ...base(), [input]: payload });
      expectRefused(result, input);
      expect(result.errors[0]).toContain(JSON.stringify(payload));
    }
    expect(existsSync(marker)).toBe(false);
    expect(fleet.aws.count()).toBe(0);
  });
});

const OUTPUTS = [
  'hub-cluster-arn',
  'hub-apiserver',
  'hub-token',
  'hub-token-sealed',
  'hub-token-expires-at',
  'identity-creator-role-arn',
  'managed-cluster-arn',
  'managed-cluster-name',
  'spoke-role-arn',
  'changed',
  'drift',
  'clusteradm-version',
  'clusteradm-path',
  'kubeconfig',
];

describe('workflow command sequences', () => {
  const INJECTED =
    'x\n::set-output name=changed::true\n::add-mask::abc\n::stop-commands::zzz\n::error::injected';
  const FREE_TEXT = [
    'mode',
    'aws-region',
    'role-to-assume',
    'audience',
    'role-session-name',
    'web-identity-token-file',
    'hub-cluster-arn',
    'hub-cluster-name',
    'spoke-cluster-name',
    'managed-cluster-name',
    'spoke-oidc-provider-id',
    'auto-approved-arn-patterns',
    'aws-resource-tags',
    'bundle-version',
    'hub-apiserver',
    'clusteradm-version',
    'clusteradm-mirror',
    'clusteradm-sha256',
    'wait-timeout-seconds',
    'dry-run',
  ];

  const expectNoInjection = (result: ActionRun, input: string): void => {
    expect(result.stdout, input).not.toMatch(/^::(set-output|add-mask::abc|stop-commands)/m);
    expect(result.stdout, input).not.toMatch(/^::error::injected/m);
    for (const [name, value] of Object.entries(result.outputs)) {
      expect(OUTPUTS, input).toContain(name);
      expect(value, input).not.toMatch(/set-output|add-mask|stop-commands|injected/);
    }
  };

  it('start no command and make exactly one annotation, whichever input holds them', async () => {
    for (const input of FREE_TEXT) {
      const result = await run({ ...spokeInputs(), [input]: INJECTED });
      expectNoInjection(result, input);
      if (input === 'auto-approved-arn-patterns') {
        // Every line compiles as a pattern, and spoke-prepare has no use for them.
        expect(result.errors, input).toEqual([]);
        expect(result.outputs.changed, input).toMatch(/^(true|false)$/);
      } else {
        expect(result.errors, input).toHaveLength(1);
        expect(result.outputs, input).toEqual({});
      }
    }
  });

  it('in auto-approval patterns are shown by a hub-init dry run as plain text', async () => {
    const result = await run({
      ...hubInputs(),
      'dry-run': 'true',
      'auto-approved-arn-patterns': INJECTED,
    });
    expect(result.errors).toEqual([]);
    expect(result.outputs.drift).toBe('true');
    expectNoInjection(result, 'auto-approved-arn-patterns');
    expect(fleet.aws.count({ write: true })).toBe(0);
  });
});

describe('very long values', () => {
  const INPUTS = [
    'mode',
    'role-to-assume',
    'audience',
    'web-identity-token-file',
    'hub-cluster-arn',
    'spoke-cluster-name',
    'managed-cluster-name',
    'kubeconfig',
    'auto-approved-arn-patterns',
    'aws-resource-tags',
    'bundle-version',
    'token-passphrase',
    'hub-token-sealed',
    'hub-apiserver',
    'clusteradm-mirror',
    'github-token',
  ];

  it('are refused quickly with a short message naming the input', async () => {
    const long = `https://${'a'.repeat(100_000)}`;
    for (const input of INPUTS) {
      const started = Date.now();
      const result = await run({ ...spokeInputs(), [input]: long });
      expectRefused(result, input);
      expect(result.errors[0].length, input).toBeLessThan(300);
      expect(result.stdout.length, input).toBeLessThan(2000);
      expect(Date.now() - started, input).toBeLessThan(3000);
    }
    expect(fleet.aws.count()).toBe(0);
  });
});

describe('Unicode look-alikes', () => {
  it.each([
    [
      'spoke-cluster-name',
      'spoke-\u0430',
      /^Input 'spoke-cluster-name' holds "spoke-а", which is not an EKS cluster name/,
    ],
    [
      'managed-cluster-name',
      'spoke-\u0430',
      /^Input 'managed-cluster-name' holds "spoke-а", which is not a DNS label/,
    ],
    [
      'hub-cluster-arn',
      'arn:aws:eks:us-west-2:１１１１１１１１１１１１:cluster/hub',
      /^Input 'hub-cluster-arn' has account ID "１{12}", which is not 12 digits/,
    ],
    [
      'hub-cluster-arn',
      'arn:aws:eks:us-west-2:111111111111:cluster/hub\u200b',
      /^Input 'hub-cluster-arn' holds "hub\u200b", which is not an EKS cluster name/,
    ],
    [
      'role-to-assume',
      'arn:aws:iam::222222222222:role/github\u200b-ocm-eks-join',
      /^Input 'role-to-assume' is "arn:aws:iam::222222222222:role\/github\u200b-ocm-eks-join"; expected an IAM role ARN/,
    ],
  ])('in %s are refused naming the input', async (input, value, message) => {
    const result = await run({ ...spokeInputs(), [input]: value });
    expectRefused(result, input);
    expect(result.errors[0]).toMatch(message);
    expect(fleet.aws.count()).toBe(0);
  });
});

describe('auto-approval patterns', () => {
  it.each([
    ['(a+)+$', 'whose nested repetition can backtrack catastrophically'],
    ['arn:aws:eks:us-west-2:222222222222:cluster/(.*)*x', 'whose nested repetition can backtrack'],
    ['arn:aws:eks:us-west-2:222222222222:cluster/a{1,3}', 'whose comma clusteradm would split'],
  ])('refuses %s before any AWS call', async (pattern, problem) => {
    const result = await run({ ...hubInputs(), 'auto-approved-arn-patterns': pattern });
    expectRefused(result, 'auto-approved-arn-patterns');
    expect(result.errors[0]).toContain(`holds ${JSON.stringify(pattern)}, ${problem}`);
    expect(fleet.aws.count()).toBe(0);
  });
});

describe('a kubeconfig outside the workspace', () => {
  it('is read as a kubeconfig and refused without showing its content', async () => {
    const result = await run({
      ...hubInputs('accept'),
      'managed-cluster-name': SPOKE.name,
      kubeconfig: '/etc/passwd',
    });
    expect(result.errors).toEqual([
      "Input 'kubeconfig' (/etc/passwd) is empty or not a mapping; expected a kubeconfig file.",
    ]);
    expect(result.stdout).not.toContain('root:');
  });

  it('keeps the lines around a YAML error, which may hold a token, out of every message', async () => {
    const file = join(scratch, 'broken.kubeconfig');
    await writeFile(file, 'users:\n- name: u\n  user:\n    token: SECRETKUBETOKEN\n   bad: [\n');
    const result = await run({
      ...hubInputs('accept'),
      'managed-cluster-name': SPOKE.name,
      kubeconfig: file,
    });
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Input 'kubeconfig' \\(${file}\\) cannot be read as YAML: a syntax error at line \\d+, column \\d+; expected`,
        ),
      ),
    ]);
    expect(result.stdout + result.stderr).not.toContain('SECRETKUBETOKEN');
  });

  it('names a relative path that does not exist', async () => {
    const result = await run({
      ...hubInputs('accept'),
      'managed-cluster-name': SPOKE.name,
      kubeconfig: '../../x',
    });
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^Input 'kubeconfig' \(\.\.\/\.\.\/x\) cannot be read as YAML: ENOENT: no such file or directory/,
      ),
    ]);
  });
});

describe('a sealed token from another hub', () => {
  it('is refused naming hub-token-sealed before any AWS call', async () => {
    const sealed = sealToken(
      'eyJhbGciOiJIUzI1NiJ9.e30.sig',
      PASSPHRASE,
      'https://other-hub.example:443',
    );
    const result = await run({
      ...spokeInputs(),
      mode: 'spoke-join',
      'hub-apiserver': fleet.hubApi.url,
      'hub-token-sealed': sealed,
      'token-passphrase': PASSPHRASE,
    });
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      "Input 'hub-token-sealed' could not be opened: the passphrase is wrong, the value was altered, or it was sealed for another hub-apiserver; check that 'token-passphrase' and 'hub-apiserver' are the ones hub-init used.",
    ]);
    expect(fleet.aws.count()).toBe(0);
  });
});
