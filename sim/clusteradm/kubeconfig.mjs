// Reads the current context of a kubeconfig and gets its credentials the way client-go does,
// including exec credential plugins.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import YAML from 'yaml';

import { CliError } from './runtime.mjs';

export function kubeconfigPath(flagValue) {
  if (flagValue) return flagValue;
  const fromEnv = (process.env.KUBECONFIG ?? '').split(path.delimiter).find((p) => p !== '');
  return fromEnv ?? path.join(os.homedir(), '.kube', 'config');
}

function named(list, name, what) {
  const entry = (list ?? []).find((item) => item?.name === name);
  if (!entry) throw new CliError(`invalid configuration: ${what} "${name}" not found`);
  return entry;
}

// client-go resolves relative file and command paths against the kubeconfig's directory.
function resolveFrom(dir, file) {
  return path.isAbsolute(file) ? file : path.join(dir, file);
}

/** Returns { server, caPem, insecure, getToken } for the current context of `file`. */
export function loadKubeconfig(file) {
  let doc;
  try {
    doc = YAML.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`error loading config file "${file}": ${error.message}`);
  }
  const dir = path.dirname(path.resolve(file));
  const contextName = doc?.['current-context'];
  if (!contextName) throw new CliError('invalid configuration: no configuration has been provided');
  const context = named(doc.contexts, contextName, 'context').context ?? {};
  const cluster = named(doc.clusters, context.cluster, 'cluster').cluster ?? {};
  const user = context.user ? (named(doc.users, context.user, 'user').user ?? {}) : {};

  let caPem;
  if (cluster['certificate-authority-data']) {
    caPem = Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8');
  } else if (cluster['certificate-authority']) {
    caPem = readFileSync(resolveFrom(dir, cluster['certificate-authority']), 'utf8');
  }
  const server = String(cluster.server ?? '').replace(/\/+$/, '');
  let cached;
  const getToken = async () => {
    if (user.token) return user.token;
    if (user.tokenFile) return readFileSync(resolveFrom(dir, user.tokenFile), 'utf8').trim();
    if (!user.exec) return undefined;
    cached ??= runExecPlugin(user.exec, dir, { server, caPem });
    return cached;
  };
  return { server, caPem, insecure: cluster['insecure-skip-tls-verify'] === true, getToken };
}

async function runExecPlugin(exec, dir, cluster) {
  const command = exec.command.includes('/') ? resolveFrom(dir, exec.command) : exec.command;
  const request = {
    kind: 'ExecCredential',
    apiVersion: exec.apiVersion,
    spec: { interactive: false },
  };
  if (exec.provideClusterInfo) {
    request.spec.cluster = {
      server: cluster.server,
      ...(cluster.caPem
        ? { 'certificate-authority-data': Buffer.from(cluster.caPem).toString('base64') }
        : {}),
    };
  }
  const env = { ...process.env, KUBERNETES_EXEC_INFO: JSON.stringify(request) };
  for (const entry of exec.env ?? []) env[entry.name] = entry.value;

  const { code, stdout, spawnError } = await new Promise((resolve) => {
    const child = spawn(command, exec.args ?? [], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => resolve({ code: -1, stdout: '', spawnError: error }));
    child.on('close', (exitCode) => {
      resolve({ code: exitCode, stdout: Buffer.concat(chunks).toString() });
    });
  });
  const prefix = `getting credentials: exec: executable ${command}`;
  if (spawnError?.code === 'ENOENT') throw new CliError(`${prefix} not found`);
  if (spawnError) throw new CliError(`${prefix}: ${spawnError.message}`);
  if (code !== 0) throw new CliError(`${prefix} failed with exit code ${code}`);

  let credential;
  try {
    credential = JSON.parse(stdout);
  } catch {
    throw new CliError('getting credentials: decoding stdout: exec plugin output is not JSON');
  }
  if (credential?.kind !== 'ExecCredential' || credential.apiVersion !== exec.apiVersion) {
    throw new CliError(
      `exec plugin is configured to use API version ${exec.apiVersion}, ` +
        `plugin returned version ${credential?.apiVersion}`,
    );
  }
  const token = credential.status?.token;
  if (!token) throw new CliError("exec plugin didn't return a token or cert/key pair");
  return token;
}
