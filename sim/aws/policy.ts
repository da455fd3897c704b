/**
 * The slice of IAM policy evaluation the simulation needs: identity policies with Allow and
 * Deny on Action and Resource, and role trust policies for web identity federation.
 */

interface Statement {
  Effect?: string;
  Action?: unknown;
  Resource?: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function statementsOf(policy: unknown): Statement[] {
  const statement = (policy as { Statement?: unknown } | undefined)?.Statement;
  if (!statement) return [];
  return (Array.isArray(statement) ? statement : [statement]) as Statement[];
}

/** IAM wildcards: `*` is any run of characters, `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

export interface RequestContext {
  action: string;
  resource: string;
  principalAccount: string;
}

function substitute(pattern: string, context: RequestContext): string {
  return pattern.replace(/\$\{aws:PrincipalAccount\}/gi, context.principalAccount);
}

function statementMatches(statement: Statement, context: RequestContext): boolean {
  const actionMatches = asList(statement.Action).some((p) =>
    wildcardMatch(p, context.action, true),
  );
  const resourceMatches = asList(statement.Resource).some((p) =>
    wildcardMatch(substitute(p, context), context.resource),
  );
  return actionMatches && resourceMatches;
}

/** Deny by default; an explicit Deny beats any Allow. */
export function identityPolicyAllows(policy: object, context: RequestContext): boolean {
  const matching = statementsOf(policy).filter((s) => statementMatches(s, context));
  if (matching.some((s) => s.Effect === 'Deny')) return false;
  return matching.some((s) => s.Effect === 'Allow');
}

function conditionHolds(operator: string, expected: string[], actual: string | undefined) {
  const base = operator.replace(/^(ForAnyValue|ForAllValues):/, '');
  switch (base) {
    case 'StringEquals':
      return actual !== undefined && expected.includes(actual);
    case 'StringEqualsIgnoreCase':
      return actual !== undefined && expected.some((e) => e.toLowerCase() === actual.toLowerCase());
    case 'StringLike':
      return actual !== undefined && expected.some((e) => wildcardMatch(e, actual));
    case 'StringNotEquals':
      return actual === undefined || !expected.includes(actual);
    case 'StringNotLike':
      return actual === undefined || !expected.some((e) => wildcardMatch(e, actual));
    default:
      // An operator the simulation does not know must not grant access by accident.
      return false;
  }
}

/** Condition keys are case-insensitive in IAM; the context maps lower-case keys to values. */
function conditionsHold(statement: Statement, context: Map<string, string>): boolean {
  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    for (const [key, expected] of Object.entries(block ?? {})) {
      if (!conditionHolds(operator, asList(expected), context.get(key.toLowerCase()))) return false;
    }
  }
  return true;
}

export interface WebIdentity {
  /** IAM ARN of the OIDC provider the token's issuer corresponds to. */
  providerArn: string;
  /** Issuer as host plus path, the prefix of its condition keys. */
  issuer: string;
  sub: string;
  aud: string;
}

/** Whether a role's trust policy lets this web identity call AssumeRoleWithWebIdentity. */
export function trustAllowsWebIdentity(trust: object, identity: WebIdentity): boolean {
  const context = new Map([
    [`${identity.issuer}:sub`.toLowerCase(), identity.sub],
    [`${identity.issuer}:aud`.toLowerCase(), identity.aud],
  ]);
  const matching = statementsOf(trust).filter((statement) => {
    const principal = statement.Principal as { Federated?: unknown } | string | undefined;
    const federated = typeof principal === 'object' ? asList(principal.Federated) : [];
    return (
      asList(statement.Action).some((p) =>
        wildcardMatch(p, 'sts:AssumeRoleWithWebIdentity', true),
      ) &&
      (principal === '*' || federated.includes(identity.providerArn)) &&
      conditionsHold(statement, context)
    );
  });
  if (matching.some((s) => s.Effect === 'Deny')) return false;
  return matching.some((s) => s.Effect === 'Allow');
}
