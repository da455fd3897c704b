// Shared helpers for the simulator tests: HTTPS calls trusting a sim's CA, polling, EKS-shaped
// tokens, kubeconfig files and running the fake clusteradm as a child process.

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:https';
import path from 'node:path';

import YAML from 'yaml';

import type { KubeApiSim } from '../sim/kube-api.js';

export interface CallResult {
  status: number;
  // Tests read arbitrary fields of Kubernetes JSON.
  body: any;
}

export function call(
  sim: KubeApiSim,
  method: string,
  urlPath: string,
  options: { token?: string; body?: unknown; contentType?: string } = {},
): Promise<CallResult> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(new URL(urlPath, sim.url), { method, headers, ca: sim.caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Polls until `probe` returns something other than undefined or false. */
export async function until<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** An EKS-shaped token around a presigned-looking STS URL; fields can be spoiled one by one. */
export function eksShapedToken(overrides: Record<string, string | null> = {}): string {
  const url = new URL(`https://${overrides.host ?? 'sts.us-east-1.amazonaws.com'}/`);
  const amzDate = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const params: Record<string, string | null> = {
    Action: 'GetCallerIdentity',
    Version: '2011-06-15',
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': 'AKIDEXAMPLE/20240101/us-east-1/sts/aws4_request',
    'X-Amz-Date': amzDate,
    'X-Amz-Expires': '60',
    'X-Amz-SignedHeaders': 'host;x-k8s-aws-id',
    'X-Amz-Signature': 'abc123',
    ...overrides,
  };
  for (const [key, value] of Object.entries(params)) {
    if (key !== 'host' && value !== null) url.searchParams.set(key, value);
  }
  return `k8s-aws-v1.${Buffer.from(url.toString()).toString('base64url')}`;
}

export type KubeconfigUser =
  | { token: string }
  | { exec: { apiVersion: string; command: string; args?: string[]; env?: unknown[] } };

export function writeKubeconfig(dir: string, sim: KubeApiSim, user: KubeconfigUser): string {
  const file = path.join(dir, `${sim.name}-${Math.random().toString(36).slice(2)}.yaml`);
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: sim.name, cluster: { server: sim.url, 'certificate-authority-data': sim.caData } },
    ],
    users: [{ name: `${sim.name}-user`, user }],
    contexts: [{ name: sim.name, context: { cluster: sim.name, user: `${sim.name}-user` } }],
    'current-context': sim.name,
  };
  writeFileSync(file, YAML.stringify(doc), { mode: 0o600 });
  return file;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const CLUSTERADM = path.resolve('sim/clusteradm.mjs');

export function runCommand(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function clusteradm(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCommand(process.execPath, [CLUSTERADM, ...args], env);
}
