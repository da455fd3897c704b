// Looking roles up and deleting them, for the removal modes.
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRoleCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';

import * as core from '../core.js';
import { errorName } from './clients.js';
import { iamError } from './iam-role.js';

/** The role's ARN when it exists; a single GetRole. */
export async function findRole(iam: IAMClient, name: string): Promise<string | undefined> {
  try {
    return (await iam.send(new GetRoleCommand({ RoleName: name }))).Role?.Arn;
  } catch (error) {
    if (errorName(error) === 'NoSuchEntityException' || errorName(error) === 'NoSuchEntity')
      return undefined;
    throw iamError('iam:GetRole', name, error);
  }
}

/** Deletes a role the action created: the inline policy first, as IAM requires. */
export async function deleteRole(
  iam: IAMClient,
  name: string,
  policyName: string,
): Promise<boolean> {
  try {
    await iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: policyName }));
  } catch (error) {
    const code = errorName(error);
    if (code !== 'NoSuchEntityException' && code !== 'NoSuchEntity')
      throw iamError('iam:DeleteRolePolicy', name, error);
  }
  try {
    await iam.send(new DeleteRoleCommand({ RoleName: name }));
    core.info(`Deleted IAM role ${name}`);
    return true;
  } catch (error) {
    const code = errorName(error);
    if (code === 'NoSuchEntityException' || code === 'NoSuchEntity') return false;
    throw iamError('iam:DeleteRole', name, error);
  }
}
