import { randomBytes } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';

import { ActionError, inputError, messageOf } from '../errors.js';

/** How a kubeconfig's user proves who it is, reduced to the forms the action can use. */
export type KubeAuth =
  | { token: string }
  | { exec: { command: string; args: string[]; env: Record<string, string> } }
  | { clientCert: string; clientKey: string };

/** The parts of a kubeconfig's current context that a Kubernetes client needs. */
export interface KubeTarget {
  server: string;
  /** Base64 of the PEM CA bundle, as in `certificate-authority-data`. */
  caData?: string;
  insecure?: boolean;
  /** Client certificate and key are PEM text. */
  auth: KubeAuth;
}

const EXEC_API_VERSION = 'client.authentication.k8s.io/v1beta1';

/**
 * Writes a kubeconfig for an EKS cluster under `directory` (RUNNER_TEMP) and returns its path.
 * Cluster, user and context are all named by the cluster ARN. The user runs the bundled exec
 * credential plugin with this very node binary, so tokens renew during long waits and no AWS CLI
 * is needed. The file holds no secret; it is still private (0600) because it names the cluster.
 */
export async function writeEksKubeconfig(options: {
  clusterArn: string;
  endpoint: string;
  caData: string;
  region: string;
  clusterName: string;
  directory: string;
  pluginPath: string;
}): Promise<string> {
  const name = options.clusterArn;
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': name,
    clusters: [
      {
        name,
        cluster: { server: options.endpoint, 'certificate-authority-data': options.caData },
      },
    ],
    contexts: [{ name, context: { cluster: name, user: name } }],
    users: [
      {
        name,
        user: {
          exec: {
            apiVersion: EXEC_API_VERSION,
            command: process.execPath,
            args: [
              options.pluginPath,
              'token',
              '--cluster-name',
              options.clusterName,
              '--region',
              options.region,
            ],
            interactiveMode: 'Never',
            provideClusterInfo: false,
          },
        },
      },
    ],
  };

  // A random suffix keeps the kubeconfigs of two clusters (or two steps) in one job apart.
  const safeName = options.clusterName.replace(/[^A-Za-z0-9-]/g, '-');
  const path = join(
    options.directory,
    `ocm-eks-join-${safeName}-${randomBytes(6).toString('hex')}.kubeconfig`,
  );
  try {
    await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    // The mode given to writeFile passes through the umask; chmod makes 0600 certain.
    await chmod(path, 0o600);
  } catch (error) {
    throw new ActionError(
      `Writing the kubeconfig ${path} failed: ${messageOf(error)}; ` +
        'check that RUNNER_TEMP points to a writable directory.',
      { call: 'write kubeconfig', cause: error },
    );
  }
  return path;
}

type Entry = Record<string, unknown>;

/** An error about the `kubeconfig` input that keeps the underlying failure as its cause. */
function kubeconfigError(problem: string, expected: string, cause: unknown): ActionError {
  const { message } = inputError('kubeconfig', problem, expected);
  return new ActionError(message, { input: 'kubeconfig', cause });
}

function asEntry(value: unknown): Entry | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Entry)
    : undefined;
}

function stringField(entry: Entry | undefined, key: string): string | undefined {
  const value = entry?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Finds `name` in one of a kubeconfig's named lists (clusters, contexts, users). */
function named(config: Entry, list: string, name: string, path: string): Entry {
  const items = Array.isArray(config[list]) ? (config[list] as unknown[]) : [];
  const found = items.map(asEntry).find((item) => item?.name === name);
  const body = asEntry(found?.[list.slice(0, -1)]);
  if (!body) {
    throw inputError(
      'kubeconfig',
      `(${path}) has no ${list.slice(0, -1)} named '${name}'`,
      `a kubeconfig whose current context refers to entries present in its '${list}' list`,
    );
  }
  return body;
}

/**
 * Reads a user-given kubeconfig and returns what its current context points to. Relative file
 * paths are taken relative to the kubeconfig, as kubectl does; files are read into memory so that
 * the result does not depend on the working directory.
 */
export async function readKubeconfig(path: string): Promise<KubeTarget> {
  const base = dirname(resolve(path));
  const load = async (file: string, field: string): Promise<Buffer> => {
    const full = isAbsolute(file) ? file : join(base, file);
    try {
      return await readFile(full);
    } catch (error) {
      const problem = `(${path}) refers in '${field}' to ${full}, which cannot be read`;
      throw kubeconfigError(problem, 'a path to an existing, readable file', error);
    }
  };

  let config: Entry | undefined;
  try {
    // The YAML parser is loaded only for a user's kubeconfig; ours are written as JSON.
    const { parse } = await import('yaml');
    // Warnings would quote the file on stderr; it may hold a token.
    config = asEntry(parse(await readFile(path, 'utf8'), { logLevel: 'error' }));
  } catch (error) {
    // The parser's message quotes the lines around the error, so only their position is kept.
    const at = (error as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    const reason = at ? `a syntax error at line ${at.line}, column ${at.col}` : messageOf(error);
    const problem = `(${path}) cannot be read as YAML: ${reason}`;
    throw kubeconfigError(
      problem,
      'the path of a readable kubeconfig file',
      at ? undefined : error,
    );
  }
  if (!config) {
    throw inputError('kubeconfig', `(${path}) is empty or not a mapping`, 'a kubeconfig file');
  }

  const contextName = stringField(config, 'current-context');
  if (!contextName) {
    throw inputError(
      'kubeconfig',
      `(${path}) has no current-context`,
      'a kubeconfig whose current context is the target cluster (kubectl config use-context)',
    );
  }
  const context = named(config, 'contexts', contextName, path);
  const cluster = named(config, 'clusters', String(context.cluster ?? ''), path);
  const user = named(config, 'users', String(context.user ?? ''), path);

  const server = stringField(cluster, 'server');
  if (!server) {
    throw inputError('kubeconfig', `(${path}) has a cluster without a server`, 'an https URL');
  }

  const target: KubeTarget = { server, auth: await readAuth(user, path, load) };
  const caFile = stringField(cluster, 'certificate-authority');
  const caData = stringField(cluster, 'certificate-authority-data');
  if (caData) target.caData = caData;
  else if (caFile) target.caData = (await load(caFile, 'certificate-authority')).toString('base64');
  if (cluster['insecure-skip-tls-verify'] === true) target.insecure = true;
  return target;
}

async function readAuth(
  user: Entry,
  path: string,
  load: (file: string, field: string) => Promise<Buffer>,
): Promise<KubeAuth> {
  const token = stringField(user, 'token');
  if (token) return { token };
  const tokenFile = stringField(user, 'tokenFile');
  if (tokenFile) return { token: (await load(tokenFile, 'tokenFile')).toString('utf8').trim() };

  const exec = asEntry(user.exec);
  const command = stringField(exec, 'command');
  if (exec && command) {
    const args = Array.isArray(exec.args) ? exec.args.map(String) : [];
    const env: Record<string, string> = {};
    for (const item of Array.isArray(exec.env) ? exec.env : []) {
      const pair = asEntry(item);
      if (typeof pair?.name === 'string') env[pair.name] = String(pair.value ?? '');
    }
    return { exec: { command, args, env } };
  }

  const pem = async (dataKey: string, fileKey: string): Promise<string | undefined> => {
    const data = stringField(user, dataKey);
    if (data) return Buffer.from(data, 'base64').toString('utf8');
    const file = stringField(user, fileKey);
    return file ? (await load(file, fileKey)).toString('utf8') : undefined;
  };
  const clientCert = await pem('client-certificate-data', 'client-certificate');
  const clientKey = await pem('client-key-data', 'client-key');
  if (clientCert && clientKey) return { clientCert, clientKey };

  throw inputError(
    'kubeconfig',
    `(${path}) has a current user with no usable credentials (auth-provider and basic auth ` +
      'are not supported)',
    'a user with a token, tokenFile, exec plugin, or client certificate and key',
  );
}
