import { readFile } from 'node:fs/promises';

import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import * as core from '../core.js';

import { ActionError, messageOf } from '../errors.js';
import type { AwsAccess } from '../inputs.js';
import { anonymousSts, errorName, makeClients, type AwsClients } from './clients.js';

export interface AwsSession extends AwsClients {
  credentials: AwsCredentialIdentity;
  /** The caller's account. */
  account: string;
  /** The caller's ARN (the assumed role's session ARN with role-to-assume). */
  callerArn: string;
}

/**
 * Opens the AWS session a mode works in: web identity from GitHub's OIDC token (or a token
 * file) when a role is given, otherwise the SDK's default credential chain.
 */
export async function openSession(
  access: AwsAccess,
  roleToAssume = access.roleToAssume,
  input = 'role-to-assume',
): Promise<AwsSession> {
  if (access.webIdentityTokenFile && !roleToAssume) {
    throw new ActionError(
      `Input 'web-identity-token-file' needs 'role-to-assume': the token is exchanged for that role's credentials.`,
      { input: 'web-identity-token-file' },
    );
  }
  if (roleToAssume) return assumeWithWebIdentity(access, roleToAssume, input);
  return defaultChain(access.region);
}

async function assumeWithWebIdentity(
  access: AwsAccess,
  roleArn: string,
  input: string,
): Promise<AwsSession> {
  const token = await webIdentityToken(access);
  core.setSecret(token);

  const sts = anonymousSts(access.region);
  let response;
  try {
    response = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: access.roleSessionName,
        WebIdentityToken: token,
        DurationSeconds: access.roleDurationSeconds,
      }),
    );
  } catch (error) {
    throw webIdentityError(error, roleArn, token, access.audience, input);
  } finally {
    sts.destroy();
  }

  const issued = response.Credentials;
  if (!issued?.AccessKeyId || !issued.SecretAccessKey || !issued.SessionToken) {
    throw new ActionError(`AssumeRoleWithWebIdentity for '${roleArn}' returned no credentials.`, {
      call: 'sts:AssumeRoleWithWebIdentity',
    });
  }
  core.setSecret(issued.SecretAccessKey);
  core.setSecret(issued.SessionToken);
  const credentials: AwsCredentialIdentity = {
    accessKeyId: issued.AccessKeyId,
    secretAccessKey: issued.SecretAccessKey,
    sessionToken: issued.SessionToken,
    expiration: issued.Expiration,
  };

  // The assumed-role ARN carries the account, which saves a GetCallerIdentity call.
  const callerArn = response.AssumedRoleUser?.Arn ?? roleArn;
  const account = /^arn:aws:sts::(\d{12}):/.exec(callerArn)?.[1] ?? roleArn.split(':')[4];
  core.info(`Assumed ${roleArn} with web identity as ${callerArn}`);
  return { ...makeClients(credentials, access.region), credentials, account, callerArn };
}

async function webIdentityToken(access: AwsAccess): Promise<string> {
  if (access.webIdentityTokenFile) {
    try {
      return (await readFile(access.webIdentityTokenFile, 'utf8')).trim();
    } catch (error) {
      throw new ActionError(
        `Could not read 'web-identity-token-file' ${access.webIdentityTokenFile}: ${messageOf(error)}.`,
        { input: 'web-identity-token-file', cause: error },
      );
    }
  }
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ActionError(
      "GitHub did not offer an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set): give the job 'permissions: id-token: write', or set 'web-identity-token-file'.",
      { input: 'role-to-assume' },
    );
  }
  try {
    return await core.getIDToken(access.audience);
  } catch (error) {
    throw new ActionError(
      `Could not get a GitHub OIDC token for audience '${access.audience}': ${messageOf(error)}. Check the job's 'permissions: id-token: write'.`,
      { input: 'audience', cause: error },
    );
  }
}

/** The claims of a JWT that explain a trust-policy mismatch: never the token itself. */
export function tokenClaims(token: string): { sub?: string; aud?: string } {
  try {
    const payload = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    const aud = Array.isArray(payload.aud) ? payload.aud.join(',') : payload.aud;
    return { sub: typeof payload.sub === 'string' ? payload.sub : undefined, aud };
  } catch {
    return {};
  }
}

function webIdentityError(
  error: unknown,
  roleArn: string,
  token: string,
  audience: string,
  input: string,
): ActionError {
  const name = errorName(error) ?? 'Error';
  const claims = tokenClaims(token);
  const who = `sub "${claims.sub ?? 'unknown'}", aud "${claims.aud ?? audience}"`;
  if (/AccessDenied|InvalidIdentityToken|IDPRejectedClaim/.test(name)) {
    return new ActionError(
      `AssumeRoleWithWebIdentity for '${roleArn}' (input '${input}') was denied (${name}): check that the role's trust policy trusts token.actions.githubusercontent.com for this token's ${who}.`,
      { input, call: 'sts:AssumeRoleWithWebIdentity', cause: error },
    );
  }
  return new ActionError(
    `sts:AssumeRoleWithWebIdentity for '${roleArn}' failed (${name}): ${messageOf(error).replaceAll(token, '***')}.`,
    { input, call: 'sts:AssumeRoleWithWebIdentity', cause: error },
  );
}

async function defaultChain(region: string): Promise<AwsSession> {
  const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
  let credentials: AwsCredentialIdentity;
  try {
    credentials = await defaultProvider()();
  } catch (error) {
    throw new ActionError(
      `No AWS credentials found: set 'role-to-assume' (with 'permissions: id-token: write'), or configure credentials in an earlier step.`,
      { input: 'role-to-assume', cause: error },
    );
  }
  if (credentials.secretAccessKey) core.setSecret(credentials.secretAccessKey);
  if (credentials.sessionToken) core.setSecret(credentials.sessionToken);

  const clients = makeClients(credentials, region);
  let identity;
  try {
    identity = await clients.sts.send(new GetCallerIdentityCommand({}));
  } catch (error) {
    throw new ActionError(
      `sts:GetCallerIdentity failed with the ambient AWS credentials (${errorName(error)}): ${messageOf(error)}.`,
      { call: 'sts:GetCallerIdentity', cause: error },
    );
  }
  core.info(`Using ambient AWS credentials of ${identity.Arn}`);
  return {
    ...clients,
    credentials,
    account: identity.Account ?? '',
    callerArn: identity.Arn ?? '',
  };
}
