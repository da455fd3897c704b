import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signature Version 4 as a server sees it: rebuild the canonical request from what arrived on
 * the wire and the signed-header list the client declared, then compare signatures. Written
 * from the server's side on purpose, so that the tests, which sign with the SDK's own signer,
 * check two independent implementations against each other.
 */

export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export interface WireRequest {
  method: string;
  /** Path as received, still percent-encoded. */
  path: string;
  /** Query string as received, without the leading `?`. */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface SignatureClaim {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  amzDate: string;
  signedHeaders: string[];
  signature: string;
  /** Only for presigned URLs. */
  expires?: number;
  securityToken?: string;
  presigned: boolean;
}

/** RFC 3986 encoding as SigV4 demands: encodeURIComponent leaves `!'()*` alone. */
export function uriEscape(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function parseQuery(query: string): Array<[string, string]> {
  if (!query) return [];
  return query
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return [safeDecode(key), safeDecode(value)];
    });
}

export function headerValue(headers: WireRequest['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

/** Reads the credential claim from the Authorization header or from presigned query fields. */
export function readClaim(request: WireRequest): SignatureClaim | undefined {
  const auth = headerValue(request.headers, 'authorization');
  if (auth?.startsWith('AWS4-HMAC-SHA256 ')) {
    const fields = new Map<string, string>();
    for (const part of auth.slice('AWS4-HMAC-SHA256 '.length).split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    const scope = (fields.get('Credential') ?? '').split('/');
    const amzDate = headerValue(request.headers, 'x-amz-date') ?? '';
    if (scope.length !== 5 || !amzDate) return undefined;
    return {
      accessKeyId: scope[0],
      date: scope[1],
      region: scope[2],
      service: scope[3],
      amzDate,
      signedHeaders: (fields.get('SignedHeaders') ?? '').split(';').filter(Boolean),
      signature: fields.get('Signature') ?? '',
      securityToken: headerValue(request.headers, 'x-amz-security-token'),
      presigned: false,
    };
  }
  const query = new Map(parseQuery(request.query));
  const credential = query.get('X-Amz-Credential');
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || !credential) return undefined;
  const scope = credential.split('/');
  if (scope.length !== 5) return undefined;
  return {
    accessKeyId: scope[0],
    date: scope[1],
    region: scope[2],
    service: scope[3],
    amzDate: query.get('X-Amz-Date') ?? '',
    signedHeaders: (query.get('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean),
    signature: query.get('X-Amz-Signature') ?? '',
    expires: Number(query.get('X-Amz-Expires')),
    securityToken: query.get('X-Amz-Security-Token'),
    presigned: true,
  };
}

function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(uriEscape(segment));
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.join('/')}${trailing}`;
}

function canonicalQuery(query: string, presigned: boolean): string {
  return parseQuery(query)
    .filter(([key]) => !(presigned && key === 'X-Amz-Signature'))
    .map(([key, value]) => [uriEscape(key), uriEscape(value)])
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function canonicalRequest(request: WireRequest, claim: SignatureClaim, payloadHash: string) {
  const headers = claim.signedHeaders
    .map((name) => {
      const value = headerValue(request.headers, name) ?? '';
      return `${name}:${value.trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  return [
    request.method.toUpperCase(),
    canonicalPath(request.path),
    canonicalQuery(request.query, claim.presigned),
    headers,
    claim.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** The signature a client holding `secret` would have sent for this request. */
export function expectedSignature(
  request: WireRequest,
  claim: SignatureClaim,
  secret: string,
  payloadHash: string,
): string {
  const scope = `${claim.date}/${claim.region}/${claim.service}/aws4_request`;
  const hashedRequest = createHash('sha256')
    .update(canonicalRequest(request, claim, payloadHash), 'utf8')
    .digest('hex');
  const stringToSign = ['AWS4-HMAC-SHA256', claim.amzDate, scope, hashedRequest].join('\n');
  let key = hmac(`AWS4${secret}`, claim.date);
  for (const part of [claim.region, claim.service, 'aws4_request']) key = hmac(key, part);
  return hmac(key, stringToSign).toString('hex');
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * True when the claimed signature matches. A presigned URL carries no payload hash, and SDKs
 * disagree on the placeholder (the empty-body hash or `UNSIGNED-PAYLOAD`), so both are tried.
 */
export function signatureMatches(
  request: WireRequest,
  claim: SignatureClaim,
  secret: string,
): boolean {
  const declared = headerValue(request.headers, 'x-amz-content-sha256');
  const candidates = claim.presigned
    ? [EMPTY_SHA256, UNSIGNED_PAYLOAD]
    : [
        declared && claim.signedHeaders.includes('x-amz-content-sha256')
          ? declared
          : createHash('sha256').update(request.body).digest('hex'),
      ];
  return candidates.some((hash) =>
    sameHex(expectedSignature(request, claim, secret, hash), claim.signature),
  );
}

/** Parses `20240101T000000Z` into a Date, or undefined when malformed. */
export function parseAmzDate(amzDate: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}
