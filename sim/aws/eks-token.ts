import { authenticate } from './auth.js';
import { parseQuery, readClaim, type WireRequest } from './sigv4.js';
import type { AwsState } from './state.js';

/**
 * EKS bearer tokens as the cluster's authenticator sees them: the token is a presigned STS
 * GetCallerIdentity URL bound to the cluster by the signed `x-k8s-aws-id` header; STS honours
 * it for 15 minutes from its signing time whatever X-Amz-Expires says.
 */

const PREFIX = 'k8s-aws-v1.';
const LIFETIME_MS = 15 * 60 * 1000;
const STS_HOST = /^sts(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/;

export interface EksCaller {
  arn: string;
  account: string;
}

export function verifyEksToken(state: AwsState, token: string, clusterName: string): EksCaller {
  if (!token.startsWith(PREFIX)) throw new Error(`EKS token does not start with ${PREFIX}`);
  const encoded = token.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) {
    throw new Error('EKS token is not base64url without padding');
  }
  let url: URL;
  try {
    url = new URL(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new Error('EKS token does not decode to a URL');
  }
  if (url.protocol !== 'https:' || !STS_HOST.test(url.host)) {
    throw new Error(`EKS token URL host ${url.host} is not an STS endpoint`);
  }
  const query = new Map(parseQuery(url.search.slice(1)));
  if (url.pathname !== '/' || query.get('Action') !== 'GetCallerIdentity') {
    throw new Error('EKS token URL is not an STS GetCallerIdentity call');
  }
  if (query.get('Version') !== '2011-06-15') {
    throw new Error('EKS token URL lacks Version=2011-06-15');
  }
  if (query.get('X-Amz-Expires') !== '60') {
    throw new Error(`EKS token has X-Amz-Expires=${query.get('X-Amz-Expires')}, expected 60`);
  }

  const request: WireRequest = {
    method: 'GET',
    path: url.pathname,
    query: url.search.slice(1),
    headers: { host: url.host, 'x-k8s-aws-id': clusterName },
    body: Buffer.alloc(0),
  };
  const claim = readClaim(request);
  if (!claim?.presigned) throw new Error('EKS token URL is not presigned with SigV4');
  if (claim.service !== 'sts') {
    throw new Error(`EKS token is signed for service ${claim.service}, expected sts`);
  }
  if (!claim.signedHeaders.includes('x-k8s-aws-id')) {
    throw new Error('EKS token does not sign the x-k8s-aws-id header');
  }

  // The token's own Expires of 60 s is not what STS enforces; its 15-minute window is.
  try {
    const principal = authenticate(state, request, claim, { presignedLifetimeMs: LIFETIME_MS });
    return { arn: principal.arn, account: principal.account };
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(
      message === 'Request has expired'
        ? 'EKS token expired: signed more than 15 minutes ago'
        : `EKS token rejected by STS for cluster ${clusterName}: ${message}`,
      { cause: error },
    );
  }
}
