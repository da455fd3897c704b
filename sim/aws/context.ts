import type { AwsState, Principal } from './state.js';

export type Service = 'iam' | 'sts' | 'eks';

/** What a service handler learns about one authenticated call. */
export interface CallContext {
  state: AwsState;
  /** The account the call acts in: the caller's own. */
  account: string;
  /** Region from the credential scope. */
  region: string;
  caller?: Principal;
  /** Decoded form or query parameters of an awsQuery call. */
  params: Map<string, string>;
  /** Throws AccessDenied when the caller's least-privilege policy does not allow this. */
  authorize(action: string, resource: string): void;
  /** Set when a concurrent-create fault is armed for this CreateRole. */
  concurrentCreate: boolean;
}

/** A rendered answer. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Any mutating action, by the verbs AWS uses for them. */
export function isWriteAction(action: string): boolean {
  return /^(Create|Delete|Put|Update|Tag|Untag|Attach|Detach|Add|Remove|Set|Associate)/.test(
    action,
  );
}
