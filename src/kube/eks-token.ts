import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';

import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Checksum, SourceData } from '@smithy/types';

/** An EKS bearer token and the moment after which it should no longer be sent. */
export interface EksToken {
  token: string;
  /** ISO 8601 without fractional seconds, as ExecCredential consumers expect. */
  expirationTimestamp: string;
}

const TOKEN_PREFIX = 'k8s-aws-v1.';

/** STS keeps accepting the presigned URL for 15 minutes; one minute less leaves room for skew. */
const TOKEN_LIFETIME_MS = 14 * 60 * 1000;

/** The same lifetime the AWS CLI and aws-iam-authenticator put in the URL. */
const PRESIGN_EXPIRES_SECONDS = 60;

/**
 * SHA-256 over node:crypto. The signer only needs this small interface, and the built-in saves
 * the bundle a pure-JavaScript hash.
 */
class NodeSha256 implements Checksum {
  private readonly secret?: Buffer;
  private hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : toBuffer(secret);
    this.hash = this.fresh();
  }

  update(data: Uint8Array): void {
    this.hash.update(data);
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {
    this.hash = this.fresh();
  }

  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }
}

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** RFC 3986 percent-encoding, the form SigV4 canonicalises query values to. */
function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Makes an EKS bearer token: `k8s-aws-v1.` and the unpadded base64url of a presigned STS
 * GetCallerIdentity URL whose signed headers include `x-k8s-aws-id: <clusterName>`, so that EKS
 * can both identify the caller and check that the token was made for this cluster.
 */
export async function eksToken(options: {
  credentials: AwsCredentialIdentity;
  region: string;
  clusterName: string;
  now?: Date;
}): Promise<EksToken> {
  const { credentials, region, clusterName } = options;

  // SigV4 dates have whole seconds; dropping the milliseconds keeps the expiry consistent with it.
  const signingDate = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);

  const host = `sts.${region}.amazonaws.com`;
  const request = new HttpRequest({
    protocol: 'https:',
    method: 'GET',
    hostname: host,
    path: '/',
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    headers: { host, 'x-k8s-aws-id': clusterName },
  });

  const signer = new SignatureV4({
    credentials,
    region,
    service: 'sts',
    sha256: NodeSha256,
    uriEscapePath: true,
  });
  const signed = await signer.presign(request, {
    signingDate,
    expiresIn: PRESIGN_EXPIRES_SECONDS,
  });

  const query = Object.entries(signed.query ?? {})
    .map(([name, value]) => `${encodeRfc3986(name)}=${encodeRfc3986(String(value))}`)
    .join('&');
  const url = `https://${host}/?${query}`;

  const expiry = new Date(signingDate.getTime() + TOKEN_LIFETIME_MS);
  return {
    token: TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url'),
    expirationTimestamp: expiry.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/**
 * A token function for KubeClient: makes an EKS token on first use and again whenever the cached
 * one has less than a minute left, so that long waits keep a valid token. `credentials` is called
 * for every new token, letting refreshable credentials (assumed roles) renew themselves.
 */
export function eksTokenSource(options: {
  credentials: () => Promise<AwsCredentialIdentity>;
  region: string;
  clusterName: string;
}): () => Promise<string> {
  let cached: { token: string; expiresAt: number } | undefined;

  return async () => {
    if (cached && cached.expiresAt - Date.now() >= 60_000) return cached.token;
    const made = await eksToken({
      credentials: await options.credentials(),
      region: options.region,
      clusterName: options.clusterName,
    });
    cached = { token: made.token, expiresAt: Date.parse(made.expirationTimestamp) };
    return made.token;
  };
}
