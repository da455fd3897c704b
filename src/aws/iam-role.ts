import {
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  type IAMClient,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import * as core from '../core.js';

import { ActionError, messageOf } from '../errors.js';
import { type PolicyDocument, parseDocument, sameDocument } from '../policies.js';
import { errorName, isAccessDenied } from './clients.js';

/** What one IAM role should look like. The engine owns one named inline policy and the tags. */
export interface DesiredRole {
  name: string;
  description: string;
  trust: PolicyDocument;
  policyName: string;
  policy: PolicyDocument;
  tags: Record<string, string>;
  /** Tag keys the action owns: present on the role but absent from `tags` means remove. */
  ownedTagKeys?: string[];
}

export interface CurrentRole {
  arn: string;
  roleId: string;
  trust?: PolicyDocument;
  policy?: PolicyDocument;
  tags: Record<string, string>;
}

export type RoleField = 'role' | 'trust policy' | 'inline policy' | `tag ${string}`;

export interface RoleChange {
  field: RoleField;
  action: 'create' | 'update' | 'add' | 'remove';
  detail: string;
}

export interface RolePlan {
  desired: DesiredRole;
  current?: CurrentRole;
  changes: RoleChange[];
}

export interface RoleResult {
  arn: string;
  roleId: string;
  changes: RoleChange[];
}

/** Reads the role as it is: GetRole (trust policy and tags) and the one inline policy. */
export async function readRole(
  iam: IAMClient,
  name: string,
  policyName: string,
): Promise<CurrentRole | undefined> {
  let role;
  try {
    role = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role;
  } catch (error) {
    if (errorName(error) === 'NoSuchEntityException' || errorName(error) === 'NoSuchEntity')
      return undefined;
    throw iamError('iam:GetRole', name, error);
  }
  if (!role?.Arn || !role.RoleId)
    throw new ActionError(`iam:GetRole for '${name}' returned no role.`, { call: 'iam:GetRole' });

  let policy: PolicyDocument | undefined;
  try {
    const answer = await iam.send(
      new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName }),
    );
    policy = parseDocument(answer.PolicyDocument);
  } catch (error) {
    const code = errorName(error);
    if (code !== 'NoSuchEntityException' && code !== 'NoSuchEntity')
      throw iamError('iam:GetRolePolicy', name, error);
  }

  return {
    arn: role.Arn,
    roleId: role.RoleId,
    trust: parseDocument(role.AssumeRolePolicyDocument),
    policy,
    tags: Object.fromEntries((role.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
  };
}

/** Compares what is with what should be. Pure: no AWS call. */
export function diffRole(desired: DesiredRole, current: CurrentRole | undefined): RoleChange[] {
  if (!current) return [{ field: 'role', action: 'create', detail: `create ${desired.name}` }];

  const changes: RoleChange[] = [];
  if (!sameDocument(current.trust, desired.trust)) {
    changes.push({
      field: 'trust policy',
      action: 'update',
      detail: 'differs from the expected trust policy',
    });
  }
  if (!current.policy) {
    changes.push({
      field: 'inline policy',
      action: 'add',
      detail: `${desired.policyName} is missing`,
    });
  } else if (!sameDocument(current.policy, desired.policy)) {
    changes.push({
      field: 'inline policy',
      action: 'update',
      detail: `${desired.policyName} differs`,
    });
  }
  for (const [key, value] of Object.entries(desired.tags)) {
    if (!(key in current.tags))
      changes.push({ field: `tag ${key}`, action: 'add', detail: `missing, expected "${value}"` });
    else if (current.tags[key] !== value) {
      changes.push({
        field: `tag ${key}`,
        action: 'update',
        detail: `"${current.tags[key]}", expected "${value}"`,
      });
    }
  }
  for (const key of desired.ownedTagKeys ?? []) {
    if (key in current.tags && !(key in desired.tags))
      changes.push({
        field: `tag ${key}`,
        action: 'remove',
        detail: `"${current.tags[key]}" is no longer wanted`,
      });
  }
  return changes;
}

export async function planRole(iam: IAMClient, desired: DesiredRole): Promise<RolePlan> {
  const current = await readRole(iam, desired.name, desired.policyName);
  return { desired, current, changes: diffRole(desired, current) };
}

/**
 * Makes the role match the plan with the fewest writes. A role that another writer creates
 * between our read and our create is adopted: read again and converge, never replace.
 */
export async function applyRole(iam: IAMClient, plan: RolePlan): Promise<RoleResult> {
  const { desired } = plan;
  if (!plan.current) {
    try {
      const created = await iam.send(
        new CreateRoleCommand({
          RoleName: desired.name,
          Description: desired.description,
          AssumeRolePolicyDocument: JSON.stringify(desired.trust),
          Tags: Object.entries(desired.tags).map(([Key, Value]) => ({ Key, Value })),
        }),
      );
      await putPolicy(iam, desired);
      core.info(`Created IAM role ${desired.name}`);
      return {
        arn: created.Role?.Arn ?? '',
        roleId: created.Role?.RoleId ?? '',
        changes: plan.changes,
      };
    } catch (error) {
      if (
        errorName(error) !== 'EntityAlreadyExistsException' &&
        errorName(error) !== 'EntityAlreadyExists'
      ) {
        throw error instanceof ActionError
          ? error
          : iamError('iam:CreateRole', desired.name, error);
      }
      core.info(`IAM role ${desired.name} was created concurrently by another run; adopting it`);
      const again = await planRole(iam, desired);
      if (!again.current) throw iamError('iam:CreateRole', desired.name, error);
      const adopted = await applyRole(iam, again);
      return { ...adopted, changes: [...plan.changes, ...adopted.changes] };
    }
  }

  const current = plan.current;
  for (const change of plan.changes) {
    if (change.field === 'trust policy') {
      await send(
        iam,
        'iam:UpdateAssumeRolePolicy',
        desired.name,
        new UpdateAssumeRolePolicyCommand({
          RoleName: desired.name,
          PolicyDocument: JSON.stringify(desired.trust),
        }),
      );
    }
    if (change.field === 'inline policy') await putPolicy(iam, desired);
  }
  const tagsToSet = plan.changes.filter(
    (change) => change.field.startsWith('tag ') && change.action !== 'remove',
  );
  if (tagsToSet.length > 0) {
    const Tags = tagsToSet.map((change) => {
      const Key = change.field.slice(4);
      return { Key, Value: desired.tags[Key] };
    });
    await send(
      iam,
      'iam:TagRole',
      desired.name,
      new TagRoleCommand({ RoleName: desired.name, Tags }),
    );
  }
  const tagsToRemove = plan.changes
    .filter((change) => change.action === 'remove')
    .map((change) => change.field.slice(4));
  if (tagsToRemove.length > 0) {
    await send(
      iam,
      'iam:UntagRole',
      desired.name,
      new UntagRoleCommand({ RoleName: desired.name, TagKeys: tagsToRemove }),
    );
  }
  if (plan.changes.length > 0)
    core.info(
      `Updated IAM role ${desired.name}: ${plan.changes.map((change) => change.field).join(', ')}`,
    );
  return { arn: current.arn, roleId: current.roleId, changes: plan.changes };
}

async function putPolicy(iam: IAMClient, desired: DesiredRole): Promise<void> {
  await send(
    iam,
    'iam:PutRolePolicy',
    desired.name,
    new PutRolePolicyCommand({
      RoleName: desired.name,
      PolicyName: desired.policyName,
      PolicyDocument: JSON.stringify(desired.policy),
    }),
  );
}

async function send(iam: IAMClient, call: string, role: string, command: object): Promise<void> {
  try {
    await iam.send(command as never);
  } catch (error) {
    throw iamError(call, role, error);
  }
}

export function iamError(call: string, role: string, error: unknown): ActionError {
  const hint = isAccessDenied(error)
    ? ` The role the workflow runs as needs ${call} on role ${role}; see permissions/ for the policy each mode needs.`
    : '';
  return new ActionError(
    `${call} on IAM role ${role} failed (${errorName(error) ?? 'Error'}): ${messageOf(error)}.${hint}`,
    { call, cause: error },
  );
}
