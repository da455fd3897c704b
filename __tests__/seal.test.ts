import { describe, expect, it } from 'vitest';

import { ActionError } from '../src/errors.js';
import { openToken, sealToken } from '../src/token/seal.js';

const hub = 'https://ABCDEF0123456789.gr7.us-west-2.eks.amazonaws.com';
const passphrase = 'correct horse battery staple';
const token =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImFiYyJ9.eyJleHAiOjE3MDQwNjcyMDAsInN1YiI6InN5c3RlbTpzZXJ2aWNl' +
  'YWNjb3VudDpvcGVuLWNsdXN0ZXItbWFuYWdlbWVudDphZ2VudC1yZWdpc3RyYXRpb24tYm9vdHN0cmFwIn0.' +
  'c2lnbmF0dXJl';

function failure(run: () => unknown): ActionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ActionError);
    return error as ActionError;
  }
  throw new Error('expected openToken to fail');
}

const AUTH_FAILURE = /the passphrase is wrong, the value was altered, or it was sealed for another/;

describe('sealToken and openToken', () => {
  const sealed = sealToken(token, passphrase, hub);

  it('round-trips, with a trailing slash on the hub URL treated as the same hub', () => {
    expect(sealed.startsWith('ocm-seal-v1.')).toBe(true);
    expect(sealed.slice('ocm-seal-v1.'.length)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(openToken(sealed, passphrase, hub)).toBe(token);
    expect(openToken(`${sealed}\n`, passphrase, `${hub}/`)).toBe(token);
  });

  it('differs on every seal (random salt and nonce)', () => {
    const again = sealToken(token, passphrase, hub);
    expect(again).not.toBe(sealed);
    expect(openToken(again, passphrase, hub)).toBe(token);
  });

  it('contains neither the token nor any encoding of it', () => {
    const forms = [
      token,
      Buffer.from(token).toString('base64'),
      Buffer.from(token).toString('base64url'),
      Buffer.from(token).toString('hex'),
    ];
    for (const form of forms) {
      expect(sealed).not.toContain(form.slice(0, 24));
    }
    expect(sealed).not.toContain(passphrase);
  });

  it('refuses a wrong passphrase with a message naming the input', () => {
    const error = failure(() => openToken(sealed, `${passphrase}!`, hub));
    expect(error.input).toBe('hub-token-sealed');
    expect(error.message).toMatch(AUTH_FAILURE);
    expect(error.message).toContain("'hub-token-sealed'");
    expect(error.cause).toBeDefined();
    expect(error.message).not.toContain(passphrase);
  });

  it('refuses a value sealed for another hub', () => {
    const other = 'https://0000000000000000.gr7.us-west-2.eks.amazonaws.com';
    expect(failure(() => openToken(sealed, passphrase, other)).message).toMatch(AUTH_FAILURE);
  });

  it('refuses every single-character alteration of the sealed text', () => {
    const short = sealToken('abc.def.ghi', passphrase, hub);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < short.length; i++) {
      const current = short[i] ?? '';
      const replacement = alphabet[(alphabet.indexOf(current) + 1) % alphabet.length] ?? 'A';
      const altered = short.slice(0, i) + replacement + short.slice(i + 1);
      const error = failure(() => openToken(altered, passphrase, hub));
      expect(error.input, `alteration at ${i}`).toBe('hub-token-sealed');
    }
  });

  it('refuses every single-byte alteration of the sealed bytes', () => {
    const short = sealToken('abc.def.ghi', passphrase, hub);
    const bytes = Buffer.from(short.slice('ocm-seal-v1.'.length), 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      const altered = Buffer.from(bytes);
      altered[i] = (altered[i] ?? 0) ^ 0x01;
      const text = `ocm-seal-v1.${altered.toString('base64url')}`;
      expect(failure(() => openToken(text, passphrase, hub)).message).toMatch(AUTH_FAILURE);
    }
  });

  it('names the problem for a wrong prefix, another version and malformed values', () => {
    expect(failure(() => openToken(token, passphrase, hub)).message).toMatch(
      /does not start with 'ocm-seal-v1\.'/,
    );
    expect(failure(() => openToken('ocm-seal-v2.AAAA', passphrase, hub)).message).toMatch(
      /format v2, which this version of the action cannot open/,
    );
    const body = sealed.slice('ocm-seal-v1.'.length);
    for (const bad of [
      'ocm-seal-v1.',
      `ocm-seal-v1.${body.slice(0, 40)}`,
      `ocm-seal-v1.${body.slice(0, 20)}+/${body.slice(22)}`,
      `ocm-seal-v1.${body}=`,
    ]) {
      const error = failure(() => openToken(bad, passphrase, hub));
      expect(error.message).toMatch(/malformed/);
      expect(error.input).toBe('hub-token-sealed');
    }
  });
});
