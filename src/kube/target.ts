import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import * as core from '../core.js';

import type { AwsSession } from '../aws/credentials.js';
import type { EksCluster } from '../aws/eks.js';
import { ActionError, messageOf } from '../errors.js';
import { KubeClient } from './client.js';
import { eksTokenSource } from './eks-token.js';
import { type KubeTarget, readKubeconfig, writeEksKubeconfig } from './kubeconfig.js';
import { rememberFile } from '../cleanup.js';

/** Everything needed to work on one cluster: a kubeconfig for clusteradm, a client for us. */
export interface ClusterAccess {
  kubeconfig: string;
  client: KubeClient;
  server: string;
  /** Environment for clusteradm: the credentials its exec plugin signs EKS tokens with. */
  env: Record<string, string>;
  /** True when the action wrote the kubeconfig itself. */
  generated: boolean;
}

/** The exec plugin ships beside the action's entry point, in dist/exec-plugin/. */
export function execPluginPath(): string {
  const entry = process.argv[1] ?? '.';
  // Run from the sources (npm run local), the entry is src/index.ts; the plugin is built in dist/.
  if (entry.endsWith('.ts')) return join(dirname(entry), '..', 'dist', 'exec-plugin', 'index.js');
  return join(dirname(entry), 'exec-plugin', 'index.js');
}

/**
 * Opens an EKS cluster: the user's kubeconfig when given, otherwise one we write under
 * RUNNER_TEMP whose user is our exec plugin. Credentials travel only through the environment
 * of the processes we start, never through a file.
 */
export async function accessEksCluster(
  session: AwsSession,
  cluster: EksCluster,
  kubeconfigInput?: string,
): Promise<ClusterAccess> {
  const env: Record<string, string> = {
    AWS_ACCESS_KEY_ID: session.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: session.credentials.secretAccessKey,
    AWS_REGION: session.region,
  };
  if (session.credentials.sessionToken) env.AWS_SESSION_TOKEN = session.credentials.sessionToken;

  if (kubeconfigInput) {
    const target = await readKubeconfig(kubeconfigInput);
    core.info(`Using kubeconfig ${kubeconfigInput} (server ${target.server})`);
    return {
      kubeconfig: kubeconfigInput,
      client: clientFor(target, env),
      server: target.server,
      env,
      generated: false,
    };
  }

  const kubeconfig = await writeEksKubeconfig({
    clusterArn: cluster.arn,
    endpoint: cluster.endpoint,
    caData: cluster.caData,
    region: session.region,
    clusterName: cluster.name,
    directory: process.env.RUNNER_TEMP || tmpdir(),
    pluginPath: execPluginPath(),
  });
  rememberFile(kubeconfig);
  core.info(`Wrote kubeconfig for ${cluster.arn}`);

  const token = eksTokenSource({
    credentials: async () => session.credentials,
    region: session.region,
    clusterName: cluster.name,
  });
  const client = new KubeClient({ server: cluster.endpoint, caData: cluster.caData, token });
  return { kubeconfig, client, server: cluster.endpoint, env, generated: true };
}

function clientFor(target: KubeTarget, env: Record<string, string>): KubeClient {
  const base = { server: target.server, caData: target.caData, insecure: target.insecure };
  if ('token' in target.auth) {
    const token = target.auth.token;
    return new KubeClient({ ...base, token: async () => token });
  }
  if ('clientCert' in target.auth)
    return new KubeClient({
      ...base,
      clientCert: target.auth.clientCert,
      clientKey: target.auth.clientKey,
    });
  const exec = target.auth.exec;
  let cached: { token: string; until: number } | undefined;
  return new KubeClient({
    ...base,
    token: async () => {
      if (cached && cached.until - Date.now() > 60_000) return cached.token;
      cached = await runExec(exec, env);
      return cached.token;
    },
  });
}

/** Runs a kubeconfig's exec credential plugin as a Kubernetes client would. */
async function runExec(
  exec: { command: string; args: string[]; env: Record<string, string> },
  env: Record<string, string>,
): Promise<{ token: string; until: number }> {
  const child = spawn(exec.command, exec.args, {
    env: {
      ...process.env,
      ...env,
      ...exec.env,
      KUBERNETES_EXEC_INFO: JSON.stringify({
        apiVersion: 'client.authentication.k8s.io/v1beta1',
        kind: 'ExecCredential',
        spec: { interactive: false },
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((done) => {
    child.on('error', () => done(-1));
    child.on('close', done);
  });
  if (code !== 0) {
    throw new ActionError(
      `The kubeconfig's credential plugin '${exec.command}' failed (exit ${code}): ${stderr.trim().split('\n').pop() ?? ''}`,
      { input: 'kubeconfig' },
    );
  }
  try {
    const status = JSON.parse(stdout).status as { token: string; expirationTimestamp?: string };
    core.setSecret(status.token);
    return {
      token: status.token,
      until: status.expirationTimestamp
        ? Date.parse(status.expirationTimestamp)
        : Date.now() + 600_000,
    };
  } catch (error) {
    throw new ActionError(
      `The kubeconfig's credential plugin '${exec.command}' printed no ExecCredential token: ${messageOf(error)}.`,
      { input: 'kubeconfig' },
    );
  }
}
