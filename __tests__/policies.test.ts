import { describe, expect, it } from 'vitest';

import { clusterRef } from '../src/naming.js';
import {
  canonical,
  parseDocument,
  render,
  sameDocument,
  spokeRoleDocuments,
} from '../src/policies.js';

const hub = clusterRef('us-west-2', '123456789012', 'hub');
const spoke = clusterRef('us-east-1', '567890123456', 'spoke');
const issuer = 'https://oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789';

describe('spoke role documents', () => {
  const { trust, policy, tags } = spokeRoleDocuments(hub, spoke, issuer);

  it('trusts the spoke OIDC provider for both klusterlet service accounts', () => {
    const statement = (trust.Statement as Array<Record<string, any>>)[0];
    expect(statement.Principal.Federated).toBe(
      'arn:aws:iam::567890123456:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789',
    );
    expect(statement.Action).toBe('sts:AssumeRoleWithWebIdentity');
    const conditions = statement.Condition.StringEquals;
    expect(conditions['oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789:aud']).toBe(
      'sts.amazonaws.com',
    );
    expect(conditions['oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789:sub']).toEqual([
      'system:serviceaccount:open-cluster-management-agent:klusterlet-work-sa',
      'system:serviceaccount:open-cluster-management-agent:klusterlet-registration-sa',
    ]);
  });

  it('allows assuming exactly the hub role of this pair', () => {
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Resource: 'arn:aws:iam::123456789012:role/ocm-hub-138c525cf3b7f74ba3b945e7847792cc',
        },
      ],
    });
  });

  it('carries the four tags the hub role trust policy checks', () => {
    expect(tags).toEqual({
      hub_cluster_account_id: '123456789012',
      hub_cluster_name: 'hub',
      managed_cluster_account_id: '567890123456',
      managed_cluster_name: 'spoke',
    });
  });
});

describe('render', () => {
  it('puts values with JSON syntax in them into strings, never into the structure', () => {
    const out = render({ a: '{{x}}', '{{x}}:k': ['{{x}}'] }, { x: '"},{"Effect":"Deny' });
    expect(out).toEqual({
      a: '"},{"Effect":"Deny',
      '"},{"Effect":"Deny:k': ['"},{"Effect":"Deny'],
    });
  });

  it('refuses a placeholder without a value', () => {
    expect(() => render({ a: '{{missing}}' }, {})).toThrow(/missing/);
  });
});

describe('semantic comparison', () => {
  const a = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:1' },
      { Effect: 'Allow', Action: ['iam:TagRole', 'iam:CreateRole'], Resource: ['arn:2'] },
    ],
  };

  it('treats statement order, one-element arrays and list order alike', () => {
    const b = {
      Statement: [
        { Resource: 'arn:2', Action: ['iam:CreateRole', 'iam:TagRole'], Effect: 'Allow' },
        { Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: ['arn:1'] },
      ],
      Version: '2012-10-17',
    };
    expect(sameDocument(a, b)).toBe(true);
  });

  it('reads URL-encoded documents as IAM returns them', () => {
    const encoded = encodeURIComponent(JSON.stringify(a));
    expect(sameDocument(parseDocument(encoded), a)).toBe(true);
  });

  it('sees a changed resource, effect or condition value', () => {
    const changed = structuredClone(a);
    (changed.Statement[0] as { Resource: string }).Resource = 'arn:3';
    expect(sameDocument(a, changed)).toBe(false);

    const trust = spokeRoleDocuments(hub, spoke, issuer).trust;
    const other = spokeRoleDocuments(
      hub,
      clusterRef('us-east-1', '567890123456', 'other'),
      issuer,
    ).trust;
    expect(sameDocument(trust, other)).toBe(true);
    const tampered = structuredClone(trust) as any;
    tampered.Statement[0].Condition.StringEquals[
      'oidc.eks.us-east-1.amazonaws.com/id/ABCDEF0123456789:sub'
    ] = 'system:serviceaccount:default:default';
    expect(sameDocument(trust, tampered)).toBe(false);
    expect(canonical(trust)).not.toBe(canonical(tampered));
  });
});
