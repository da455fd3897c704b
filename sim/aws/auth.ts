import { SimAwsError } from './errors.js';
import { parseAmzDate, signatureMatches, type SignatureClaim, type WireRequest } from './sigv4.js';
import type { AwsState, Principal } from './state.js';

/** Who signed a request, checked the way AWS checks it before any service logic runs. */

const SKEW_MS = 15 * 60 * 1000;

export const INVALID_TOKEN = 'The security token included in the request is invalid.';

export const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. ' +
  'Consult the service documentation for details.';

export function authenticate(
  state: AwsState,
  request: WireRequest,
  claim: SignatureClaim,
  options: { now?: number; presignedLifetimeMs?: number } = {},
): Principal {
  const now = options.now ?? Date.now();
  const principal = state.keys.get(claim.accessKeyId);
  if (!principal) throw new SimAwsError(403, 'InvalidClientTokenId', INVALID_TOKEN);

  // A session's keys are worthless without the session token that came with them.
  if (principal.sessionToken !== undefined && claim.securityToken !== principal.sessionToken) {
    throw new SimAwsError(403, 'InvalidClientTokenId', INVALID_TOKEN);
  }
  if (principal.expiration && principal.expiration.getTime() <= now) {
    throw new SimAwsError(
      403,
      'ExpiredToken',
      'The security token included in the request is expired',
    );
  }

  const signedAt = parseAmzDate(claim.amzDate);
  if (!signedAt || claim.amzDate.slice(0, 8) !== claim.date) {
    throw new SimAwsError(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  }
  if (claim.presigned) {
    const lifetime = options.presignedLifetimeMs ?? (claim.expires ?? 0) * 1000;
    if (!(claim.expires! > 0) || signedAt.getTime() + lifetime < now) {
      throw new SimAwsError(403, 'AccessDenied', 'Request has expired');
    }
  } else if (Math.abs(now - signedAt.getTime()) > SKEW_MS) {
    throw new SimAwsError(
      403,
      'SignatureDoesNotMatch',
      `Signature expired: ${claim.amzDate} is now earlier than the allowed window.`,
    );
  }

  if (!claim.signedHeaders.includes('host')) {
    throw new SimAwsError(403, 'SignatureDoesNotMatch', 'The host header must be signed.');
  }
  if (!signatureMatches(request, claim, principal.secretAccessKey)) {
    throw new SimAwsError(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  }
  return principal;
}
