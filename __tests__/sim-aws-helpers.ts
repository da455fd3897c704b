import { Sha256 } from '@aws-crypto/sha256-js';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { expect } from 'vitest';
import type { AwsSim } from '../sim/aws.js';

/** Shared by the AWS simulation tests: real SDK clients aimed at the simulation. */

export const HUB = '111111111111';
export const SPOKE = '222222222222';

export type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export function clients(sim: AwsSim) {
  const common = { endpoint: sim.url, maxAttempts: 1 };
  return {
    iam: (credentials: Credentials, extra: object = {}) =>
      new IAMClient({ ...common, region: 'us-east-1', credentials, ...extra }),
    sts: (credentials?: Credentials) =>
      new STSClient({ ...common, region: 'us-east-1', credentials }),
    eks: (credentials: Credentials, region = 'us-west-2') =>
      new EKSClient({ ...common, region, credentials }),
  };
}

export type SdkError = Error & { $metadata: { httpStatusCode?: number } };

/** Awaits a rejection and returns the SDK error, so its name and status can be asserted. */
export async function failure(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to fail');
}

/** Fetches a token the way the runner protocol asks: `<request URL>&audience=<aud>` with a bearer. */
export async function githubToken(env: Record<string, string>, audience = 'sts.amazonaws.com') {
  const response = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${audience}`, {
    headers: { Authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: string }).value;
}

export async function assume(sim: AwsSim, roleArn: string, token: string) {
  const answer = await clients(sim)
    .sts()
    .send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: 'ocm-eks-join',
        WebIdentityToken: token,
        DurationSeconds: 900,
      }),
    );
  const c = answer.Credentials!;
  const credentials: Credentials = {
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    sessionToken: c.SessionToken!,
  };
  return { answer, credentials };
}

/** An EKS bearer token built as the exec plugin builds one, signed by the SDK's own signer. */
export async function eksToken(
  credentials: Credentials,
  cluster: string,
  options: { signingDate?: Date; expiresIn?: number; host?: string } = {},
) {
  const host = options.host ?? 'sts.us-west-2.amazonaws.com';
  const signer = new SignatureV4({
    credentials,
    region: 'us-west-2',
    service: 'sts',
    sha256: Sha256,
  });
  const presigned = await signer.presign(
    new HttpRequest({
      method: 'GET',
      protocol: 'https:',
      hostname: host,
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host, 'x-k8s-aws-id': cluster },
    }),
    { expiresIn: options.expiresIn ?? 60, signingDate: options.signingDate },
  );
  const query = Object.entries(presigned.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `k8s-aws-v1.${Buffer.from(`https://${host}/?${query}`).toString('base64url')}`;
}
