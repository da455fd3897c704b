/**
 * The exec credential plugin that the action's kubeconfigs name: `token --cluster-name <name>
 * --region <region>` prints an ExecCredential holding a fresh EKS token. kubectl and clusteradm
 * call it whenever their cached token expires, so waits longer than a token's life keep working.
 * It is bundled on its own to keep its start-up short.
 */
import { parseArgs } from 'node:util';

import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentity } from '@smithy/types';

import { eksToken } from './eks-token.js';

const DEFAULT_API_VERSION = 'client.authentication.k8s.io/v1beta1';

const USAGE = 'token --cluster-name <EKS cluster name> --region <AWS region>';

/** The ExecCredential apiVersion the caller asked for, falling back to the one we write. */
function requestedApiVersion(): string {
  const info = process.env.KUBERNETES_EXEC_INFO;
  if (!info) return DEFAULT_API_VERSION;
  try {
    const apiVersion = (JSON.parse(info) as { apiVersion?: unknown }).apiVersion;
    return typeof apiVersion === 'string' && apiVersion !== '' ? apiVersion : DEFAULT_API_VERSION;
  } catch {
    return DEFAULT_API_VERSION;
  }
}

function parseCommandLine(argv: string[]): { clusterName: string; region: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { 'cluster-name': { type: 'string' }, region: { type: 'string' } },
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; usage: ${USAGE}`, { cause: error });
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1 || positionals[0] !== 'token') {
    throw new Error(`unknown command '${positionals.join(' ')}'; usage: ${USAGE}`);
  }
  const clusterName = values['cluster-name'];
  const region = values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!clusterName || !region) {
    throw new Error(`--cluster-name and --region are required; usage: ${USAGE}`);
  }
  return { clusterName, region };
}

/** Removes any credential value from a message, in case an underlying error echoed one. */
function redact(message: string, credentials: AwsCredentialIdentity | undefined): string {
  let safe = message.replace(/\s+/g, ' ').trim();
  for (const secret of [credentials?.secretAccessKey, credentials?.sessionToken]) {
    if (secret) safe = safe.split(secret).join('***');
  }
  return safe;
}

async function main(): Promise<void> {
  let credentials: AwsCredentialIdentity | undefined;
  try {
    const { clusterName, region } = parseCommandLine(process.argv.slice(2));

    try {
      credentials = await defaultProvider()();
    } catch (error) {
      throw new Error(
        `no AWS credentials found (${(error as Error).message}); provide them through the ` +
          'AWS_* environment variables, AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN, ' +
          'or a profile',
        { cause: error },
      );
    }

    const { token, expirationTimestamp } = await eksToken({ credentials, region, clusterName });
    const credential = {
      apiVersion: requestedApiVersion(),
      kind: 'ExecCredential',
      spec: {},
      status: { expirationTimestamp, token },
    };
    process.stdout.write(`${JSON.stringify(credential)}\n`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ocm-eks-join exec plugin: ${redact(message, credentials)}\n`);
    process.exitCode = 1;
  }
}

void main();
