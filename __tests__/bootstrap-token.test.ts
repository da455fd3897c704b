import { describe, expect, it } from 'vitest';

import { ActionError } from '../src/errors.js';
import { assertNotExpired, tokenExpiry } from '../src/token/bootstrap-token.js';

function jwt(payload: unknown): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(payload)}.c2lnbmF0dXJl`;
}

const exp = Date.parse('2024-01-01T01:00:00Z') / 1000;

describe('tokenExpiry', () => {
  it('reads exp from the payload', () => {
    expect(tokenExpiry(jwt({ exp, sub: 'x' }))?.toISOString()).toBe('2024-01-01T01:00:00.000Z');
  });

  it('returns undefined for tokens it cannot read', () => {
    expect(tokenExpiry('not-a-jwt')).toBeUndefined();
    expect(tokenExpiry(jwt({ sub: 'x' }))).toBeUndefined();
    expect(tokenExpiry(jwt({ exp: 'soon' }))).toBeUndefined();
    expect(tokenExpiry('a.!!!.c')).toBeUndefined();
  });
});

describe('assertNotExpired', () => {
  const token = jwt({ exp });

  it('accepts a token with time left, and one without a readable expiry', () => {
    expect(() => assertNotExpired(token, new Date('2024-01-01T00:30:00Z'))).not.toThrow();
    expect(() => assertNotExpired('opaque', new Date('2030-01-01T00:00:00Z'))).not.toThrow();
  });

  it('fails for an expired token with the two ways to a fresh one, and without the token', () => {
    let error: unknown;
    try {
      assertNotExpired(token, new Date('2024-01-01T02:00:00Z'), 'hub-token-sealed');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ActionError);
    const { message, input } = error as ActionError;
    expect(input).toBe('hub-token-sealed');
    expect(message).toContain('expired at 2024-01-01T01:00:00Z');
    expect(message).toContain('hub-init');
    expect(message).toContain("'hub-role-to-assume'");
    expect(message).not.toContain(token.split('.')[1]);
  });

  it('fails for a token with under a minute left', () => {
    expect(() => assertNotExpired(token, new Date('2024-01-01T00:59:30Z'))).toThrow(
      /'hub-token' expires at 2024-01-01T01:00:00Z/,
    );
  });
});
