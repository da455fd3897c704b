import identityCreatorPolicy from '../templates/identity-creator-policy.json' with { type: 'json' };
import identityCreatorTrust from '../templates/identity-creator-trust.json' with { type: 'json' };
import spokeRolePolicy from '../templates/spoke-role-policy.json' with { type: 'json' };
import spokeRoleTags from '../templates/spoke-role-tags.json' with { type: 'json' };
import spokeRoleTrust from '../templates/spoke-role-trust.json' with { type: 'json' };
import { ActionError } from './errors.js';
import { type ClusterRef, issuerHostPath, ocmHash, oidcProviderArn } from './naming.js';

export type PolicyDocument = Record<string, unknown>;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Fills `{{name}}` placeholders in the keys and string values of a parsed JSON template.
 * Documents are built as objects and serialised once, so no value can break their syntax.
 */
export function render<T>(template: T, values: Record<string, string>): T {
  const fill = (text: string): string =>
    text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined)
        throw new ActionError(`Template placeholder '${name}' has no value.`);
      return value;
    });
  const walk = (node: Json): Json => {
    if (typeof node === 'string') return fill(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, value]) => [fill(key), walk(value)]),
      );
    }
    return node;
  };
  return walk(template as Json) as T;
}

/** The spoke role's trust policy, inline policy and tags, as OCM's hub expects them. */
export function spokeRoleDocuments(hub: ClusterRef, spoke: ClusterRef, issuer: string) {
  const values = {
    oidcProviderArn: oidcProviderArn(spoke.account, issuer),
    issuer: issuerHostPath(issuer),
    hubAccount: hub.account,
    hubName: hub.name,
    spokeAccount: spoke.account,
    spokeName: spoke.name,
    hash: ocmHash(hub, spoke),
  };
  return {
    trust: render(spokeRoleTrust, values) as PolicyDocument,
    policy: render(spokeRolePolicy, values) as PolicyDocument,
    tags: render(spokeRoleTags, values) as Record<string, string>,
  };
}

/** The identity-creator role's trust policy and the permissions the hub uses through it. */
export function identityCreatorDocuments(hub: ClusterRef, issuer: string) {
  const values = {
    oidcProviderArn: oidcProviderArn(hub.account, issuer),
    issuer: issuerHostPath(issuer),
    hubAccount: hub.account,
    hubRegion: hub.region,
    hubName: hub.name,
  };
  return {
    trust: render(identityCreatorTrust, values) as PolicyDocument,
    policy: render(identityCreatorPolicy, values) as PolicyDocument,
  };
}

/** IAM hands documents back URL-encoded; callers may also hold them as text or objects. */
export function parseDocument(
  document: string | PolicyDocument | undefined,
): PolicyDocument | undefined {
  if (document === undefined) return undefined;
  if (typeof document !== 'string') return document;
  const text = document.trimStart().startsWith('{') ? document : decodeURIComponent(document);
  return JSON.parse(text) as PolicyDocument;
}

const LIST_KEYS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);

/**
 * A canonical form in which documents that IAM treats alike compare equal: statements in any
 * order, a string or a one-element array, values in any order within a list, duplicates.
 */
export function canonical(document: PolicyDocument): string {
  const sortList = (value: Json): Json => {
    const list = Array.isArray(value) ? value : [value];
    return [...new Set(list.map((item) => JSON.stringify(normalise(item))))]
      .sort()
      .map((item) => JSON.parse(item));
  };
  const normalise = (node: Json, key?: string): Json => {
    if (key && LIST_KEYS.has(key)) return sortList(node);
    if (Array.isArray(node)) return node.map((item) => normalise(item));
    if (node && typeof node === 'object') {
      const entries = Object.keys(node)
        .sort()
        .map((name) => [name, normalise(node[name], name)] as const);
      return Object.fromEntries(entries);
    }
    return node;
  };
  const principalOrCondition = (statement: { [key: string]: Json }): { [key: string]: Json } => {
    const result: { [key: string]: Json } = { ...statement };
    for (const field of ['Principal', 'NotPrincipal']) {
      const principal = statement[field];
      if (principal && typeof principal === 'object' && !Array.isArray(principal)) {
        result[field] = Object.fromEntries(
          Object.entries(principal).map(([type, value]) => [type, sortList(value)]),
        );
      }
    }
    const condition = statement.Condition;
    if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
      result.Condition = Object.fromEntries(
        Object.entries(condition).map(([operator, keys]) => [
          operator,
          keys && typeof keys === 'object' && !Array.isArray(keys)
            ? Object.fromEntries(
                Object.entries(keys).map(([name, value]) => [name, sortList(value)]),
              )
            : keys,
        ]),
      );
    }
    return result;
  };

  const statements = (document.Statement === undefined ? [] : [document.Statement].flat()) as {
    [key: string]: Json;
  }[];
  const canonicalStatements = statements
    .map((statement) => JSON.stringify(normalise(principalOrCondition(statement))))
    .sort();
  return JSON.stringify({ Version: document.Version ?? null, Statement: canonicalStatements });
}

export function sameDocument(
  a: PolicyDocument | undefined,
  b: PolicyDocument | undefined,
): boolean {
  if (!a || !b) return a === b;
  return canonical(a) === canonical(b);
}
