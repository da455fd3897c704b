import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListOpenIDConnectProvidersCommand,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsSim } from '../sim/aws.js';
import {
  HUB,
  SPOKE,
  assume as assumeWith,
  clients,
  failure,
  type Credentials,
} from './sim-aws-helpers.js';

let sim: AwsSim;
let hubKey: Credentials;

const trust = (sub: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${HUB}:oidc-provider/example.com/id/1` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'example.com/id/1:sub': sub } },
    },
  ],
});

const iam = (credentials: Credentials = hubKey) => clients(sim).iam(credentials);
const sts = (credentials?: Credentials) => clients(sim).sts(credentials);
const eks = (credentials: Credentials = hubKey, region?: string) =>
  clients(sim).eks(credentials, region);
const assume = (roleArn: string, token: string) => assumeWith(sim, roleArn, token);

beforeAll(async () => {
  sim = await AwsSim.start();
  sim.addAccount(HUB);
  sim.addAccount(SPOKE);
  hubKey = sim.addAccessKey(HUB);
  sim.addOidcProvider(HUB, 'https://example.com/id/1');
});

afterAll(async () => {
  await sim.close();
});

describe('IAM roles', () => {
  it('creates, reads, repairs and deletes a role in IAM shapes', async () => {
    const client = iam();
    const trustText = JSON.stringify(trust('system:serviceaccount:a:b'));
    const created = await client.send(
      new CreateRoleCommand({
        RoleName: 'ocm-managed-cluster-1',
        AssumeRolePolicyDocument: trustText,
        Description: 'spoke role',
        MaxSessionDuration: 7200,
        Tags: [{ Key: 'hub_cluster_name', Value: 'hub' }],
      }),
    );
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(created.Role?.Arn).toBe(`arn:aws:iam::${HUB}:role/ocm-managed-cluster-1`);

    const got = (await client.send(new GetRoleCommand({ RoleName: 'ocm-managed-cluster-1' })))
      .Role!;
    expect(got.RoleId).toBe(created.Role?.RoleId);
    expect(got.AssumeRolePolicyDocument).toBe(encodeURIComponent(trustText));
    expect(got.Tags).toEqual([{ Key: 'hub_cluster_name', Value: 'hub' }]);
    expect(got.Description).toBe('spoke role');
    expect(got.MaxSessionDuration).toBe(7200);
    expect(got.CreateDate).toBeInstanceOf(Date);

    const repaired = trust('system:serviceaccount:c:d');
    await client.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 'ocm-managed-cluster-1',
        PolicyDocument: JSON.stringify(repaired),
      }),
    );
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
    };
    await client.send(
      new PutRolePolicyCommand({
        RoleName: 'ocm-managed-cluster-1',
        PolicyName: 'assume-hub',
        PolicyDocument: JSON.stringify(policy),
      }),
    );
    const inline = await client.send(
      new GetRolePolicyCommand({ RoleName: 'ocm-managed-cluster-1', PolicyName: 'assume-hub' }),
    );
    expect(inline.PolicyDocument).toMatch(/^%7B/);
    expect(JSON.parse(decodeURIComponent(inline.PolicyDocument!))).toEqual(policy);
    const names = await client.send(
      new ListRolePoliciesCommand({ RoleName: 'ocm-managed-cluster-1' }),
    );
    expect(names.PolicyNames).toEqual(['assume-hub']);

    await client.send(
      new TagRoleCommand({ RoleName: 'ocm-managed-cluster-1', Tags: [{ Key: 'a', Value: '1' }] }),
    );
    await client.send(
      new UntagRoleCommand({ RoleName: 'ocm-managed-cluster-1', TagKeys: ['hub_cluster_name'] }),
    );
    const tags = await client.send(new ListRoleTagsCommand({ RoleName: 'ocm-managed-cluster-1' }));
    expect(tags.Tags).toEqual([{ Key: 'a', Value: '1' }]);

    const view = sim.role(HUB, 'ocm-managed-cluster-1')!;
    expect(view.roleId).toBe(created.Role?.RoleId);
    expect(view.trust).toEqual(repaired);
    expect(view.inlinePolicies).toEqual({ 'assume-hub': policy });
    expect(view.tags).toEqual({ a: '1' });

    const conflict = await failure(
      client.send(new DeleteRoleCommand({ RoleName: 'ocm-managed-cluster-1' })),
    );
    expect(conflict.name).toBe('DeleteConflictException');
    expect(conflict.$metadata.httpStatusCode).toBe(409);
    await client.send(
      new DeleteRolePolicyCommand({ RoleName: 'ocm-managed-cluster-1', PolicyName: 'assume-hub' }),
    );
    await client.send(new DeleteRoleCommand({ RoleName: 'ocm-managed-cluster-1' }));
    expect(sim.role(HUB, 'ocm-managed-cluster-1')).toBeUndefined();
  });

  it('answers IAM errors with their codes and statuses', async () => {
    const client = iam();
    const missing = await failure(client.send(new GetRoleCommand({ RoleName: 'nope' })));
    expect([missing.name, missing.$metadata.httpStatusCode]).toEqual([
      'NoSuchEntityException',
      404,
    ]);
    expect(missing.message).toBe('The role with name nope cannot be found.');

    const doc = JSON.stringify(trust('x'));
    await client.send(new CreateRoleCommand({ RoleName: 'dup', AssumeRolePolicyDocument: doc }));
    const dup = await failure(
      client.send(new CreateRoleCommand({ RoleName: 'dup', AssumeRolePolicyDocument: doc })),
    );
    expect([dup.name, dup.$metadata.httpStatusCode]).toEqual(['EntityAlreadyExistsException', 409]);

    const malformed = await failure(
      client.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: '{nope' })),
    );
    expect([malformed.name, malformed.$metadata.httpStatusCode]).toEqual([
      'MalformedPolicyDocumentException',
      400,
    ]);
    const invalid = await failure(
      client.send(new CreateRoleCommand({ RoleName: 'bad name!', AssumeRolePolicyDocument: doc })),
    );
    expect([invalid.name, invalid.$metadata.httpStatusCode]).toEqual(['ValidationError', 400]);
    const noPolicy = await failure(
      client.send(new GetRolePolicyCommand({ RoleName: 'dup', PolicyName: 'none' })),
    );
    expect(noPolicy.name).toBe('NoSuchEntityException');
  });

  it('keeps roles apart per account and lets tests tamper with them in place', async () => {
    const seeded = sim.putRole(SPOKE, { name: 'seeded', trust: trust('a'), tags: { k: 'v' } });
    const tampered = sim.putRole(SPOKE, { name: 'seeded', tags: {} });
    expect(tampered.roleId).toBe(seeded.roleId);
    expect(tampered.tags).toEqual({});
    expect(tampered.trust).toEqual(trust('a'));
    const other = await failure(iam().send(new GetRoleCommand({ RoleName: 'seeded' })));
    expect(other.name).toBe('NoSuchEntityException');
  });
});

describe('OIDC providers', () => {
  it('lists, reads and forgets providers', async () => {
    const arn = sim.addOidcProvider(HUB, 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC');
    expect(arn).toBe(`arn:aws:iam::${HUB}:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC`);
    const list = await iam().send(new ListOpenIDConnectProvidersCommand({}));
    expect(list.OpenIDConnectProviderList?.map((p) => p.Arn)).toContain(arn);
    const got = await iam().send(
      new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }),
    );
    expect(got.Url).toBe('oidc.eks.us-west-2.amazonaws.com/id/ABC');
    expect(got.ClientIDList).toEqual(['sts.amazonaws.com']);

    sim.removeOidcProvider(arn);
    const gone = await failure(
      iam().send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })),
    );
    expect([gone.name, gone.$metadata.httpStatusCode]).toEqual(['NoSuchEntityException', 404]);
  });
});

describe('SigV4', () => {
  it('rejects a wrong secret, an unknown key and a session key without its token', async () => {
    const wrong = await failure(
      iam({ ...hubKey, secretAccessKey: 'x'.repeat(40) }).send(
        new GetRoleCommand({ RoleName: 'dup' }),
      ),
    );
    expect([wrong.name, wrong.$metadata.httpStatusCode]).toEqual(['SignatureDoesNotMatch', 403]);

    const unknown = await failure(
      sts({ accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 's' }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect([unknown.name, unknown.$metadata.httpStatusCode]).toEqual(['InvalidClientTokenId', 403]);

    const roleArn = sim.addGithubRole(HUB, 'sigv4-role');
    const { credentials } = await assume(roleArn, sim.githubToken());
    const bare = await failure(
      sts({ ...credentials, sessionToken: undefined }).send(new GetCallerIdentityCommand({})),
    );
    expect(bare.name).toBe('InvalidClientTokenId');

    const eksWrong = await failure(
      eks({ ...hubKey, secretAccessKey: 'y'.repeat(40) }).send(
        new DescribeClusterCommand({ name: 'x' }),
      ),
    );
    expect(eksWrong.$metadata.httpStatusCode).toBe(403);
  });
});

describe('federated principals', () => {
  it('refuses a trust policy naming an OIDC provider the account does not have', async () => {
    const missing = {
      ...trust('x'),
      Statement: [
        {
          ...trust('x').Statement[0],
          Principal: { Federated: `arn:aws:iam::${HUB}:oidc-provider/example.com/id/none` },
        },
      ],
    };
    const error = await iam()
      .send(
        new CreateRoleCommand({
          RoleName: 'no-provider',
          AssumeRolePolicyDocument: JSON.stringify(missing),
        }),
      )
      .catch((caught: unknown) => caught as Error);
    expect((error as Error).name).toMatch(/MalformedPolicyDocument/);
    expect((error as Error).message).toContain('Invalid principal in policy');
    expect(sim.role(HUB, 'no-provider')).toBeUndefined();
  });
});
