import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { ActionError } from '../src/errors.js';
import { readKubeconfig, writeEksKubeconfig } from '../src/kube/kubeconfig.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kubeconfig-test-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const arn = 'arn:aws:eks:us-west-2:123456789012:cluster/spoke-1';
const options = () => ({
  clusterArn: arn,
  endpoint: 'https://ABC.gr7.us-west-2.eks.amazonaws.com',
  caData: Buffer.from('-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n').toString(
    'base64',
  ),
  region: 'us-west-2',
  clusterName: 'spoke-1',
  directory: dir,
  pluginPath: '/opt/action/dist/exec-plugin/index.js',
});

describe('writeEksKubeconfig', () => {
  it('writes a private kubeconfig named by the ARN whose user runs the exec plugin', async () => {
    const path = await writeEksKubeconfig(options());

    expect(path.startsWith(dir)).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    const config = parse(await readFile(path, 'utf8'));
    expect(config['current-context']).toBe(arn);
    const { endpoint, caData } = options();
    expect(config.clusters).toEqual([
      { name: arn, cluster: { server: endpoint, 'certificate-authority-data': caData } },
    ]);
    expect(config.contexts).toEqual([{ name: arn, context: { cluster: arn, user: arn } }]);
    expect(config.users).toEqual([
      {
        name: arn,
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1beta1',
            command: process.execPath,
            args: [
              '/opt/action/dist/exec-plugin/index.js',
              'token',
              '--cluster-name',
              'spoke-1',
              '--region',
              'us-west-2',
            ],
            interactiveMode: 'Never',
            provideClusterInfo: false,
          },
        },
      },
    ]);
  });

  it('uses a new file name each time', async () => {
    const a = await writeEksKubeconfig(options());
    const b = await writeEksKubeconfig(options());
    expect(a).not.toBe(b);
  });

  it('reads back what it wrote', async () => {
    const target = await readKubeconfig(await writeEksKubeconfig(options()));
    expect(target).toEqual({
      server: options().endpoint,
      caData: options().caData,
      auth: {
        exec: { command: process.execPath, args: expect.arrayContaining(['token']), env: {} },
      },
    });
  });

  it('names the directory problem when it cannot write', async () => {
    await expect(
      writeEksKubeconfig({ ...options(), directory: join(dir, 'missing', 'deeper') }),
    ).rejects.toThrow(/RUNNER_TEMP/);
  });
});

describe('readKubeconfig', () => {
  async function config(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  const yaml = (cluster: string, user: string) => `
apiVersion: v1
kind: Config
current-context: ctx
contexts:
  - name: other
    context: { cluster: nowhere, user: nobody }
  - name: ctx
    context: { cluster: c1, user: u1 }
clusters:
  - name: c1
    cluster:
${cluster}
users:
  - name: u1
    user:
${user}
`;

  it('reads a token user and inline CA of the current context', async () => {
    const path = await config(
      'token.yaml',
      yaml(
        '      server: https://10.0.0.1:6443\n      certificate-authority-data: Q0E=',
        '      token: abc',
      ),
    );
    expect(await readKubeconfig(path)).toEqual({
      server: 'https://10.0.0.1:6443',
      caData: 'Q0E=',
      auth: { token: 'abc' },
    });
  });

  it('reads relative files, client certificates and insecure clusters', async () => {
    await writeFile(join(dir, 'ca.pem'), 'CA PEM');
    await writeFile(join(dir, 'client.pem'), 'CERT PEM');
    const path = await config(
      'files.yaml',
      yaml(
        '      server: https://k\n      certificate-authority: ca.pem\n' +
          '      insecure-skip-tls-verify: true',
        `      client-certificate: ${join(dir, 'client.pem')}\n` +
          `      client-key-data: ${Buffer.from('KEY PEM').toString('base64')}`,
      ),
    );
    expect(await readKubeconfig(path)).toEqual({
      server: 'https://k',
      caData: Buffer.from('CA PEM').toString('base64'),
      insecure: true,
      auth: { clientCert: 'CERT PEM', clientKey: 'KEY PEM' },
    });
  });

  it('reads exec users with their environment', async () => {
    const path = await config(
      'exec.yaml',
      yaml(
        '      server: https://k',
        '      exec:\n        command: aws\n        args: [eks, get-token]\n' +
          '        env: [{ name: AWS_PROFILE, value: hub }]',
      ),
    );
    expect((await readKubeconfig(path)).auth).toEqual({
      exec: { command: 'aws', args: ['eks', 'get-token'], env: { AWS_PROFILE: 'hub' } },
    });
  });

  const plain = '      server: https://k';
  const failures: [string, string, RegExp][] = [
    ['no context', 'apiVersion: v1\nclusters: []\n', /has no current-context/],
    [
      'missing cluster',
      yaml(plain, '      token: t').replace('c1, user', 'c9, user'),
      /no cluster named 'c9'/,
    ],
    [
      'no server',
      yaml('      insecure-skip-tls-verify: true', '      token: t'),
      /without a server/,
    ],
    ['no credentials', yaml(plain, '      username: admin'), /no usable credentials/],
    [
      'missing file',
      yaml(plain, '      tokenFile: absent.txt'),
      /absent\.txt, which cannot be read/,
    ],
    ['bad yaml', 'clusters: [\n', /cannot be read as YAML/],
  ];

  it.each(failures)('fails naming the kubeconfig input: %s', async (name, text, pattern) => {
    const path = await config(`${name.replace(/ /g, '-')}.yaml`, text);
    const error = await readKubeconfig(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).input).toBe('kubeconfig');
    expect((error as ActionError).message).toMatch(/^Input 'kubeconfig' \(/);
    expect((error as ActionError).message).toMatch(pattern);
  });

  it('fails naming the kubeconfig input when the file does not exist', async () => {
    await expect(readKubeconfig(join(dir, 'nope.yaml'))).rejects.toThrow(/Input 'kubeconfig'/);
  });
});
