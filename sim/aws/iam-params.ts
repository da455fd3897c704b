import { SimAwsError, noSuchEntity, validationError } from './errors.js';
import type { CallContext } from './context.js';
import type { RoleRecord } from './state.js';
import type { XmlValue } from './xml.js';

/** Parameter reading and role rendering shared by the IAM handlers. */

export function required(ctx: CallContext, name: string): string {
  const value = ctx.params.get(name);
  if (value === undefined || value === '') {
    const field = name[0].toLowerCase() + name.slice(1);
    throw validationError(
      `1 validation error detected: Value null at '${field}' failed to satisfy constraint: ` +
        'Member must not be null',
    );
  }
  return value;
}

export function roleName(ctx: CallContext): string {
  const name = required(ctx, 'RoleName');
  if (!/^[\w+=,.@-]{1,64}$/.test(name)) {
    throw validationError(
      `1 validation error detected: Value '${name}' at 'roleName' failed to satisfy ` +
        'constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+',
    );
  }
  return name;
}

/** `Prefix.member.N` (or `Prefix.member.N.Field`) lists, in N order. */
export function memberList(ctx: CallContext, prefix: string, field?: string): string[] {
  const found: Array<[number, string]> = [];
  const suffix = field ? `.${field}` : '';
  for (const [key, value] of ctx.params) {
    const match = new RegExp(`^${prefix}\\.member\\.(\\d+)${suffix.replace('.', '\\.')}$`).exec(
      key,
    );
    if (match) found.push([Number(match[1]), value]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}

export function tagsParam(ctx: CallContext): Array<[string, string]> {
  const keys = memberList(ctx, 'Tags', 'Key');
  const values = memberList(ctx, 'Tags', 'Value');
  return keys.map((key, i) => [key, values[i] ?? '']);
}

/** IAM refuses documents that are not JSON objects; the message depends on the call. */
export function parsePolicy(text: string, message: string): object {
  try {
    const doc: unknown = JSON.parse(text);
    if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) return doc;
  } catch {
    // Falls through to the same error as a non-object document.
  }
  throw new SimAwsError(400, 'MalformedPolicyDocument', message);
}

export function existingRole(ctx: CallContext, name: string): RoleRecord {
  const role = ctx.state.getRole(ctx.account, name);
  if (!role) throw noSuchEntity(`The role with name ${name} cannot be found.`);
  return role;
}

export function tagList(tags: Map<string, string>): XmlValue[] {
  return [...tags].map(([Key, Value]) => ({ Key, Value }));
}

/** The Role element as IAM prints it, trust policy URL-encoded. */
export function roleXml(role: RoleRecord): XmlValue {
  return {
    Path: role.path,
    AssumeRolePolicyDocument: encodeURIComponent(role.trustText),
    MaxSessionDuration: role.maxSessionDuration,
    RoleId: role.roleId,
    RoleLastUsed: {},
    RoleName: role.name,
    Description: role.description,
    Arn: role.arn,
    CreateDate: role.createDate,
    Tags: role.tags.size > 0 ? tagList(role.tags) : undefined,
  };
}
