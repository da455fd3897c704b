import {
  createHmac,
  createSign,
  createVerify,
  generateKeyPairSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';

/**
 * Web identity tokens: RS256 JWTs signed with a key pair that lives as long as the simulation,
 * or HS256 JWTs signed with its shared secret for test code that mints tokens by hand.
 */

export interface JwtClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  iat: number;
  exp: number;
  nbf?: number;
  [claim: string]: unknown;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export class JwtKeys {
  readonly kid = randomBytes(8).toString('hex');
  readonly sharedSecret = randomBytes(32).toString('hex');
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  sign(claims: JwtClaims, algorithm: 'RS256' | 'HS256' = 'RS256'): string {
    const header = {
      alg: algorithm,
      typ: 'JWT',
      kid: algorithm === 'RS256' ? this.kid : undefined,
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature =
      algorithm === 'RS256'
        ? createSign('RSA-SHA256').update(input).sign(this.privateKey)
        : createHmac('sha256', this.sharedSecret).update(input).digest();
    return `${input}.${b64url(signature)}`;
  }

  /** Decodes and checks the signature; throws with the reason a real issuer check would give. */
  verify(token: string): JwtClaims {
    const parts = token.split('.');
    if (parts.length !== 3) throw new Error('the token is not a JWT (three dot-separated parts)');
    let header: { alg?: string };
    let claims: JwtClaims;
    try {
      header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      throw new Error('the token header or payload is not base64url-encoded JSON');
    }
    const input = `${parts[0]}.${parts[1]}`;
    const signature = Buffer.from(parts[2], 'base64url');
    let valid = false;
    if (header.alg === 'RS256') {
      valid = createVerify('RSA-SHA256').update(input).verify(this.publicKey, signature);
    } else if (header.alg === 'HS256') {
      const expected = createHmac('sha256', this.sharedSecret).update(input).digest();
      valid = expected.length === signature.length && timingSafeEqual(expected, signature);
    }
    if (!valid) throw new Error('the token signature does not verify against the issuer keys');
    if (typeof claims.iss !== 'string' || typeof claims.sub !== 'string') {
      throw new Error('the token lacks the iss or sub claim');
    }
    return claims;
  }
}
