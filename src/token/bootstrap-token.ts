import { ActionError } from '../errors.js';

/** Below this much life left, clusteradm join would likely fail half-way with Unauthorized. */
const MINIMUM_LIFE_MS = 60_000;

/**
 * The expiry (`exp`) of a bootstrap token, read from its JWT payload without verifying the
 * signature: the hub verifies it; the action only wants to fail early with a useful message.
 * Undefined when the token is not a JWT or carries no expiry.
 */
export function tokenExpiry(token: string): Date | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp)
      ? new Date(payload.exp * 1000)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fails when the token has expired or has less than a minute left, naming the input it came from
 * and the two ways to a fresh one. A token without a readable expiry is let through: the hub
 * decides then.
 */
export function assertNotExpired(token: string, now: Date = new Date(), input = 'hub-token'): void {
  const expiry = tokenExpiry(token);
  if (!expiry || expiry.getTime() - now.getTime() >= MINIMUM_LIFE_MS) return;

  const when = expiry.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const state = expiry.getTime() <= now.getTime() ? `expired at ${when}` : `expires at ${when}`;
  throw new ActionError(
    `The bootstrap token in '${input}' ${state} (bootstrap tokens last one hour); re-run the ` +
      "hub-init job for a fresh one, or set 'hub-role-to-assume' so that spoke-join mints its own.",
    { input },
  );
}
