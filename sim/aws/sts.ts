import { randomBytes } from 'node:crypto';
import { SimAwsError, accessDenied, validationError } from './errors.js';
import type { CallContext } from './context.js';
import type { JwtKeys } from './jwt.js';
import { trustAllowsWebIdentity } from './policy.js';
import { awsId, issuerHostPath, oidcProviderArn, randomSecret, type Principal } from './state.js';
import type { XmlValue } from './xml.js';

/** STS: web identity federation and caller identity. */

const invalidToken = (message: string) => new SimAwsError(400, 'InvalidIdentityToken', message);

const NOT_AUTHORIZED = 'Not authorized to perform sts:AssumeRoleWithWebIdentity';

function verifiedClaims(keys: JwtKeys, token: string) {
  try {
    return keys.verify(token);
  } catch (error) {
    throw invalidToken(`The web identity token is invalid: ${(error as Error).message}.`);
  }
}

function durationSeconds(ctx: CallContext, maxSessionDuration: number): number {
  const duration = Number(ctx.params.get('DurationSeconds') ?? 3600);
  if (!Number.isInteger(duration) || duration < 900) {
    throw validationError(
      `1 validation error detected: Value '${ctx.params.get('DurationSeconds')}' at ` +
        "'durationSeconds' failed to satisfy constraint: Member must have value greater than " +
        'or equal to 900',
    );
  }
  if (duration > maxSessionDuration) {
    throw validationError(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  return duration;
}

export function assumeRoleWithWebIdentity(ctx: CallContext, keys: JwtKeys): XmlValue {
  const roleArnParam = ctx.params.get('RoleArn') ?? '';
  const sessionName = ctx.params.get('RoleSessionName') ?? '';
  const token = ctx.params.get('WebIdentityToken') ?? '';
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw validationError(
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to ` +
        'satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*',
    );
  }
  if (token.length < 4) throw validationError('WebIdentityToken must be provided.');

  const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(roleArnParam);
  const role = match ? ctx.state.getRole(match[1], match[2]) : undefined;

  // Token checks come before the role lookup, as in STS, so a bad token never leaks roles.
  const claims = verifiedClaims(keys, token);
  const nowSeconds = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) {
    throw new SimAwsError(
      400,
      'ExpiredTokenException',
      `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ` +
        `${claims.exp}`,
    );
  }
  if (!role) throw accessDenied(NOT_AUTHORIZED);

  const issuer = issuerHostPath(claims.iss);
  const providerArn = oidcProviderArn(role.account, claims.iss);
  const provider = ctx.state.oidcProviders.get(providerArn);
  if (!provider) {
    throw invalidToken(`No OpenIDConnect provider found in your account for ${claims.iss}`);
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  const aud = audiences.find((a) => provider.clientIds.includes(a));
  if (!aud) throw invalidToken('Incorrect token audience');
  if (!trustAllowsWebIdentity(role.trust, { providerArn, issuer, sub: claims.sub, aud })) {
    throw accessDenied(NOT_AUTHORIZED);
  }

  const duration = durationSeconds(ctx, role.maxSessionDuration);
  const session: Principal = {
    accessKeyId: awsId('ASIA'),
    secretAccessKey: randomSecret(),
    sessionToken: randomBytes(96).toString('base64'),
    account: role.account,
    arn: `arn:aws:sts::${role.account}:assumed-role/${role.name}/${sessionName}`,
    userId: `${role.roleId}:${sessionName}`,
    roleArn: role.arn,
    expiration: new Date(Date.now() + duration * 1000),
  };
  ctx.state.keys.set(session.accessKeyId, session);
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: session.expiration,
    },
    SubjectFromWebIdentityToken: claims.sub,
    AssumedRoleUser: { AssumedRoleId: session.userId, Arn: session.arn },
    Provider: issuer,
    Audience: aud,
  };
}

export function getCallerIdentity(ctx: CallContext): XmlValue {
  const caller = ctx.caller!;
  return { Arn: caller.arn, UserId: caller.userId, Account: caller.account };
}
