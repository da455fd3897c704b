import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { AwsCredentialIdentity } from '@smithy/types';

import { retryBaseDelayMs } from '../retry.js';

/**
 * Settings every client shares: the one retry policy (the SDK's standard strategy retries
 * throttling, 5xx and dropped connections, never access errors; we only choose the backoff)
 * and a per-call timeout so a hanging endpoint ends in a clear error instead of a stuck job.
 */
function shared(region: string) {
  const base = retryBaseDelayMs();
  const timeout = Number(process.env.OCM_EKS_JOIN_CALL_TIMEOUT_MS) || 30_000;
  return {
    region,
    retryStrategy: new ConfiguredRetryStrategy(8, (attempt: number) =>
      Math.floor(Math.random() * Math.min(20_000, base * 2 ** attempt)),
    ),
    requestHandler: {
      requestTimeout: timeout,
      connectionTimeout: 10_000,
      throwOnRequestTimeout: true,
    },
  };
}

export interface AwsClients {
  iam: IAMClient;
  eks: EKSClient;
  sts: STSClient;
  region: string;
}

export function makeClients(credentials: AwsCredentialIdentity, region: string): AwsClients {
  return {
    // IAM is global; its endpoint lives in us-east-1 for the aws partition.
    iam: new IAMClient({ ...shared('us-east-1'), credentials }),
    eks: new EKSClient({ ...shared(region), credentials }),
    sts: new STSClient({ ...shared(region), credentials }),
    region,
  };
}

/** An STS client without credentials, for AssumeRoleWithWebIdentity (which is unsigned). */
export function anonymousSts(region: string): STSClient {
  return new STSClient({
    ...shared(region),
    credentials: { accessKeyId: '', secretAccessKey: '' },
    signer: { sign: async (request) => request },
  });
}

/** The error name the SDK gives a service error (`NoSuchEntity`, `AccessDenied`, ...). */
export function errorName(error: unknown): string | undefined {
  return (error as { name?: string } | undefined)?.name;
}

export function isAccessDenied(error: unknown): boolean {
  const name = errorName(error) ?? '';
  return /AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(name);
}
