import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { eksToken } from '../src/kube/eks-token.js';
import { writeEksKubeconfig } from '../src/kube/kubeconfig.js';
import { json, TestApiServer } from './kube-test-server.js';

const accessKeyId = 'AKIDEXAMPLE';
const secretAccessKey = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const plugin = resolve('src/kube/exec-plugin.ts');

/** An environment with only the given AWS settings, so no real profile or IMDS is consulted. */
function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done) => {
    execFile(command, args, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

const runPlugin = (args: string[], env: NodeJS.ProcessEnv) =>
  run('npx', ['tsx', plugin, ...args], env);

function tokenUrl(token: string): URL {
  expect(token.startsWith('k8s-aws-v1.')).toBe(true);
  return new URL(Buffer.from(token.slice('k8s-aws-v1.'.length), 'base64url').toString('utf8'));
}

const withCredentials = {
  AWS_ACCESS_KEY_ID: accessKeyId,
  AWS_SECRET_ACCESS_KEY: secretAccessKey,
};

describe('exec credential plugin', () => {
  it('prints an ExecCredential with an EKS token made from environment credentials', async () => {
    const before = Date.now();
    const result = await runPlugin(
      ['token', '--cluster-name', 'spoke-1', '--region', 'eu-west-1'],
      isolatedEnv(withCredentials),
    );

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const credential = JSON.parse(result.stdout);
    expect(credential).toMatchObject({
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      kind: 'ExecCredential',
    });
    const url = tokenUrl(credential.status.token);
    expect(url.host).toBe('sts.eu-west-1.amazonaws.com');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(
      /^AKIDEXAMPLE\/\d{8}\/eu-west-1\/sts\//,
    );
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host;x-k8s-aws-id');
    const expiry = Date.parse(credential.status.expirationTimestamp);
    expect(expiry - before).toBeGreaterThan(13 * 60_000);
    expect(expiry - before).toBeLessThan(15 * 60_000);
    expect(result.stdout).not.toContain(secretAccessKey);
  });

  it('answers in the apiVersion of KUBERNETES_EXEC_INFO and carries a session token', async () => {
    const info = { apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential' };
    const result = await runPlugin(
      ['token', '--cluster-name', 'c', '--region', 'us-east-1'],
      isolatedEnv({
        ...withCredentials,
        AWS_SESSION_TOKEN: 'session/token+value',
        KUBERNETES_EXEC_INFO: JSON.stringify({ ...info, spec: { interactive: false } }),
      }),
    );
    expect(result.code).toBe(0);
    const credential = JSON.parse(result.stdout);
    expect(credential.apiVersion).toBe('client.authentication.k8s.io/v1');
    const url = tokenUrl(credential.status.token);
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('session/token+value');
  });

  it('fails in one stderr line and exit 1 without credentials', async () => {
    const result = await runPlugin(
      ['token', '--cluster-name', 'c', '--region', 'us-east-1'],
      isolatedEnv(),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^ocm-eks-join exec plugin: no AWS credentials found/);
  });

  it('fails with the usage on a wrong command line', async () => {
    const env = isolatedEnv(withCredentials);
    const result = await runPlugin(['token', '--region', 'us-east-1'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--cluster-name and --region are required; usage: token');
    expect(result.stderr).not.toContain(secretAccessKey);
  });
});

const kubectl = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
const kubectlMissing = kubectl.error !== undefined || kubectl.status !== 0;
if (kubectlMissing) {
  console.warn('Skipping the kubectl test: kubectl is not installed or not a working client.');
}

describe.skipIf(kubectlMissing)('kubectl with our kubeconfig (needs kubectl)', () => {
  let server: TestApiServer;
  let dir: string;

  beforeAll(async () => {
    server = await TestApiServer.start();
    dir = await mkdtemp(join(tmpdir(), 'exec-plugin-kubectl-'));
  });

  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('gets /version through the exec plugin with a valid EKS token', async () => {
    server.handler = (request, response) =>
      request.url === '/version' && request.headers.authorization?.startsWith('Bearer k8s-aws-v1.')
        ? json(response, 200, { major: '1', minor: '31', gitVersion: 'v1.31.0-eks' })
        : json(response, 401, { kind: 'Status', message: 'Unauthorized', code: 401 });

    // The kubeconfig names a JavaScript entry point; this one loads the TypeScript source.
    const tsxApi = pathToFileURL(resolve('node_modules/tsx/dist/esm/api/index.mjs')).href;
    const wrapper = join(dir, 'exec-plugin.mjs');
    await writeFile(
      wrapper,
      `import { register } from '${tsxApi}';\nregister();\n` +
        `await import('${pathToFileURL(plugin).href}');\n`,
    );
    const kubeconfig = await writeEksKubeconfig({
      clusterArn: 'arn:aws:eks:us-west-2:123456789012:cluster/my-cluster',
      endpoint: server.url,
      caData: server.caData,
      region: 'us-west-2',
      clusterName: 'my-cluster',
      directory: dir,
      pluginPath: wrapper,
    });

    const result = await run(
      'kubectl',
      ['--kubeconfig', kubeconfig, 'get', '--raw', '/version'],
      isolatedEnv(withCredentials),
    );

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ gitVersion: 'v1.31.0-eks' });

    // The token kubectl sent is exactly the one we would make at its signing time.
    const sent = server.seen.find((r) => r.url === '/version')?.headers.authorization ?? '';
    const token = sent.slice('Bearer '.length);
    const amzDate = tokenUrl(token).searchParams.get('X-Amz-Date') ?? '';
    const now = new Date(
      amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
    );
    const credentials = { accessKeyId, secretAccessKey };
    const expected = await eksToken({
      credentials,
      region: 'us-west-2',
      clusterName: 'my-cluster',
      now,
    });
    expect(token).toBe(expected.token);
  });
});
