import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

import { ActionError, inputError } from '../errors.js';

/**
 * Sealing carries the bootstrap token from hub-init to the spoke jobs through a job output, which
 * GitHub would drop if it held the masked token itself. The format is versioned so that a later
 * change of cipher or KDF can still recognise, and refuse clearly, values of this one.
 */
const PREFIX = 'ocm-seal-v1.';

const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** scrypt cost: 32 MiB and a few tens of milliseconds, which makes guessing passphrases dear. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

const INPUT = 'hub-token-sealed';

function deriveKey(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase, salt, KEY_BYTES, SCRYPT);
}

/** The API server URL as associated data; a trailing slash is not a different hub. */
function associatedData(hubApiserver: string): Buffer {
  return Buffer.from(hubApiserver.trim().replace(/\/+$/, ''), 'utf8');
}

/**
 * Seals `token` with AES-256-GCM under a key derived from `passphrase` (scrypt, random salt) and
 * binds it to `hubApiserver`, so it opens only with the same passphrase for the same hub.
 * Returns `ocm-seal-v1.` + base64url(salt | nonce | ciphertext | tag).
 */
export function sealToken(token: string, passphrase: string, hubApiserver: string): string {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt), nonce, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(associatedData(hubApiserver));
  const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  const sealed = Buffer.concat([salt, nonce, ciphertext, cipher.getAuthTag()]);
  return PREFIX + sealed.toString('base64url');
}

/**
 * Opens a value made by sealToken. Fails with an error naming `hub-token-sealed` when the value
 * is not one, is damaged, or does not open with this passphrase for this hub.
 */
export function openToken(sealed: string, passphrase: string, hubApiserver: string): string {
  const value = sealed.trim();

  if (!value.startsWith(PREFIX)) {
    const version = /^ocm-seal-(v\d+)\./.exec(value)?.[1];
    if (version) {
      throw inputError(
        INPUT,
        `was sealed in format ${version}, which this version of the action cannot open`,
        'a value sealed by hub-init running the same major version of this action (v1 format)',
      );
    }
    throw inputError(
      INPUT,
      `does not start with '${PREFIX}'`,
      "the 'hub-token-sealed' output of the hub-init job, copied unchanged",
    );
  }

  // Base64url decoding in Node skips invalid characters and ignores spare bits; re-encoding and
  // comparing makes every altered character count as damage rather than pass unnoticed.
  const body = value.slice(PREFIX.length);
  const bytes = Buffer.from(body, 'base64url');
  const canonical = bytes.toString('base64url') === body;
  if (!canonical || bytes.length <= SALT_BYTES + NONCE_BYTES + TAG_BYTES) {
    throw inputError(
      INPUT,
      'is malformed (not base64url, or truncated)',
      "the 'hub-token-sealed' output of the hub-init job, copied unchanged",
    );
  }

  const salt = bytes.subarray(0, SALT_BYTES);
  const nonce = bytes.subarray(SALT_BYTES, SALT_BYTES + NONCE_BYTES);
  const ciphertext = bytes.subarray(SALT_BYTES + NONCE_BYTES, bytes.length - TAG_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);

  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, salt), nonce, {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(associatedData(hubApiserver));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (error) {
    // GCM reports only that authentication failed; it cannot tell which of the three it was.
    throw new ActionError(
      `Input '${INPUT}' could not be opened: the passphrase is wrong, the value was altered, or ` +
        "it was sealed for another hub-apiserver; check that 'token-passphrase' and " +
        "'hub-apiserver' are the ones hub-init used.",
      { input: INPUT, cause: error },
    );
  }
}
