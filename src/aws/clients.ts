import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { AwsCredentialIdentity, RetryErrorInfo, StandardRetryToken } from '@smithy/types';

import { retryBaseDelayMs } from '../retry.js';

/** Attempts for throttling, which a busy account answers in bursts, and for any other retry. */
const THROTTLING_ATTEMPTS = 12;
const OTHER_ATTEMPTS = 8;

/**
 * The SDK's standard strategy decides what is retryable (throttling, 5xx, dropped connections and
 * time-outs; never access errors). We choose the backoff (full jitter) and give throttling more
 * attempts: a matrix of many spoke jobs in one account is throttled, not broken.
 */
class ActionRetryStrategy extends ConfiguredRetryStrategy {
  constructor(base: number) {
    super(THROTTLING_ATTEMPTS, (attempt: number) =>
      Math.floor(Math.random() * Math.min(20_000, base * 2 ** attempt)),
    );
  }

  override async refreshRetryTokenForRetry(
    token: StandardRetryToken,
    errorInfo: RetryErrorInfo,
  ): Promise<StandardRetryToken> {
    if (errorInfo.errorType !== 'THROTTLING' && token.getRetryCount() + 1 >= OTHER_ATTEMPTS) {
      throw new Error('No retry token available');
    }
    return super.refreshRetryTokenForRetry(token, errorInfo);
  }
}

/** Settings every client shares: the retry policy and a per-call timeout for hanging endpoints. */
function shared(region: string) {
  const timeout = Number(process.env.OCM_EKS_JOIN_CALL_TIMEOUT_MS) || 30_000;
  return {
    region,
    retryStrategy: new ActionRetryStrategy(retryBaseDelayMs()),
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
