import { SimAwsError, noSuchEntity, validationError } from './errors.js';
import type { CallContext } from './context.js';
import {
  existingRole,
  memberList,
  parsePolicy,
  required,
  roleName,
  roleXml,
  tagList,
  tagsParam,
} from './iam-params.js';
import { roleArn } from './state.js';
import type { XmlValue } from './xml.js';

/**
 * IAM's role and OIDC provider calls. Each returns the `<Action>Result` content, or undefined
 * for calls whose answer carries only response metadata.
 */

type IamHandler = (ctx: CallContext) => XmlValue;

const INVALID_JSON = 'This policy contains invalid Json';
const SYNTAX_ERRORS = 'Syntax errors in policy.';

function authorizeRole(ctx: CallContext, action: string, name: string): void {
  ctx.authorize(`iam:${action}`, roleArn(ctx.account, name));
}

/**
 * IAM refuses a trust policy whose federated principal is an OIDC provider of the same account
 * that does not exist, with MalformedPolicyDocument "Invalid principal in policy".
 */
function checkFederatedPrincipals(ctx: CallContext, trust: unknown): void {
  const statements = [(trust as { Statement?: unknown })?.Statement ?? []].flat() as Array<{
    Principal?: { Federated?: string | string[] };
  }>;
  for (const statement of statements) {
    for (const federated of [statement.Principal?.Federated ?? []].flat()) {
      const own = federated.startsWith(`arn:aws:iam::${ctx.account}:oidc-provider/`);
      if (own && !ctx.state.oidcProviders.has(federated)) {
        throw new SimAwsError(
          400,
          'MalformedPolicyDocument',
          `Invalid principal in policy: "Federated":"${federated}"`,
        );
      }
    }
  }
}

function createRole(ctx: CallContext): XmlValue {
  const name = roleName(ctx);
  authorizeRole(ctx, 'CreateRole', name);
  const trustText = required(ctx, 'AssumeRolePolicyDocument');
  const trust = parsePolicy(trustText, INVALID_JSON);
  checkFederatedPrincipals(ctx, trust);
  const maxSession = Number(ctx.params.get('MaxSessionDuration') ?? 3600);
  if (!Number.isInteger(maxSession) || maxSession < 3600 || maxSession > 43200) {
    throw validationError('The requested MaxSessionDuration must be between 3600 and 43200.');
  }

  // Another actor wins the race: its role has the trust policy but nothing else of ours.
  if (ctx.concurrentCreate && !ctx.state.getRole(ctx.account, name)) {
    ctx.state.setRole(ctx.state.newRole(ctx.account, name, trustText, trust));
  }
  if (ctx.state.getRole(ctx.account, name)) {
    throw new SimAwsError(409, 'EntityAlreadyExists', `Role with name ${name} already exists.`);
  }

  const role = ctx.state.newRole(ctx.account, name, trustText, trust);
  role.description = ctx.params.get('Description');
  role.maxSessionDuration = maxSession;
  role.path = ctx.params.get('Path') ?? '/';
  const tags = tagsParam(ctx);
  // As in IAM, creating a role with tags also needs permission to tag it.
  if (tags.length > 0) authorizeRole(ctx, 'TagRole', name);
  for (const [key, value] of tags) role.tags.set(key, value);
  ctx.state.setRole(role);
  return { Role: roleXml(role) };
}

function getRole(ctx: CallContext): XmlValue {
  const name = roleName(ctx);
  authorizeRole(ctx, 'GetRole', name);
  return { Role: roleXml(existingRole(ctx, name)) };
}

function deleteRole(ctx: CallContext): XmlValue {
  const name = roleName(ctx);
  authorizeRole(ctx, 'DeleteRole', name);
  const role = existingRole(ctx, name);
  if (role.inlinePolicies.size > 0) {
    throw new SimAwsError(
      409,
      'DeleteConflict',
      'Cannot delete entity, must delete policies first.',
    );
  }
  ctx.state.deleteRole(ctx.account, name);
  return undefined;
}

function updateAssumeRolePolicy(ctx: CallContext): XmlValue {
  const name = roleName(ctx);
  authorizeRole(ctx, 'UpdateAssumeRolePolicy', name);
  const role = existingRole(ctx, name);
  const text = required(ctx, 'PolicyDocument');
  const trust = parsePolicy(text, INVALID_JSON);
  checkFederatedPrincipals(ctx, trust);
  role.trust = trust;
  role.trustText = text;
  return undefined;
}

function policyName(ctx: CallContext): string {
  const name = required(ctx, 'PolicyName');
  if (!/^[\w+=,.@-]{1,128}$/.test(name)) {
    throw validationError(`The specified value for policyName is invalid: ${name}`);
  }
  return name;
}

function putRolePolicy(ctx: CallContext): XmlValue {
  const name = roleName(ctx);
  authorizeRole(ctx, 'PutRolePolicy', name);
  const role = existingRole(ctx, name);
  const policy = policyName(ctx);
  const text = required(ctx, 'PolicyDocument');
  role.inlinePolicies.set(policy, { text, doc: parsePolicy(text, SYNTAX_ERRORS) });
  return undefined;
}

function inlinePolicy(ctx: CallContext, action: string) {
  const name = roleName(ctx);
  authorizeRole(ctx, action, name);
  const role = existingRole(ctx, name);
  const policy = policyName(ctx);
  const found = role.inlinePolicies.get(policy);
  if (!found) throw noSuchEntity(`The role policy with name ${policy} cannot be found.`);
  return { role, policy, found };
}

function getRolePolicy(ctx: CallContext): XmlValue {
  const { role, policy, found } = inlinePolicy(ctx, 'GetRolePolicy');
  return {
    RoleName: role.name,
    PolicyName: policy,
    PolicyDocument: encodeURIComponent(found.text),
  };
}

function deleteRolePolicy(ctx: CallContext): XmlValue {
  const { role, policy } = inlinePolicy(ctx, 'DeleteRolePolicy');
  role.inlinePolicies.delete(policy);
  return undefined;
}

function listRolePolicies(ctx: CallContext): XmlValue {
  const name = roleName(ctx);
  authorizeRole(ctx, 'ListRolePolicies', name);
  const role = existingRole(ctx, name);
  return { PolicyNames: [...role.inlinePolicies.keys()].sort(), IsTruncated: false };
}

function listRoleTags(ctx: CallContext): XmlValue {
  const name = roleName(ctx);
  authorizeRole(ctx, 'ListRoleTags', name);
  return { Tags: tagList(existingRole(ctx, name).tags), IsTruncated: false };
}

function tagRole(ctx: CallContext): XmlValue {
  const name = roleName(ctx);
  authorizeRole(ctx, 'TagRole', name);
  const role = existingRole(ctx, name);
  const tags = tagsParam(ctx);
  if (tags.length === 0) throw validationError('Tags must contain at least one tag.');
  if (new Set([...role.tags.keys(), ...tags.map(([key]) => key)]).size > 50) {
    throw new SimAwsError(
      409,
      'LimitExceeded',
      'The number of tags has reached the maximum limit.',
    );
  }
  for (const [key, value] of tags) role.tags.set(key, value);
  return undefined;
}

function untagRole(ctx: CallContext): XmlValue {
  const name = roleName(ctx);
  authorizeRole(ctx, 'UntagRole', name);
  const role = existingRole(ctx, name);
  for (const key of memberList(ctx, 'TagKeys')) role.tags.delete(key);
  return undefined;
}

function getOpenIdConnectProvider(ctx: CallContext): XmlValue {
  const arn = required(ctx, 'OpenIDConnectProviderArn');
  if (!/^arn:aws:iam::\d{12}:oidc-provider\/.+$/.test(arn)) {
    throw validationError(`Invalid ARN: ${arn}`);
  }
  ctx.authorize('iam:GetOpenIDConnectProvider', arn);
  const provider = ctx.state.oidcProviders.get(arn);
  if (!provider || provider.account !== ctx.account) {
    throw noSuchEntity(`OpenIDConnect Provider not found for arn ${arn}`);
  }
  return {
    Url: provider.url,
    ClientIDList: provider.clientIds,
    ThumbprintList: provider.thumbprints,
    CreateDate: provider.createDate,
    Tags: [],
  };
}

function listOpenIdConnectProviders(ctx: CallContext): XmlValue {
  ctx.authorize('iam:ListOpenIDConnectProviders', '*');
  const providers = ctx.state.providersOf(ctx.account).map((p) => ({ Arn: p.arn }));
  return { OpenIDConnectProviderList: providers };
}

export const IAM_HANDLERS: Record<string, IamHandler> = {
  CreateRole: createRole,
  GetRole: getRole,
  DeleteRole: deleteRole,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  PutRolePolicy: putRolePolicy,
  GetRolePolicy: getRolePolicy,
  DeleteRolePolicy: deleteRolePolicy,
  ListRolePolicies: listRolePolicies,
  ListRoleTags: listRoleTags,
  TagRole: tagRole,
  UntagRole: untagRole,
  GetOpenIDConnectProvider: getOpenIdConnectProvider,
  ListOpenIDConnectProviders: listOpenIdConnectProviders,
};
