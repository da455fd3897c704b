import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import {
  CreateRoleCommand,
  GetRoleCommand,
  ListOpenIDConnectProvidersCommand,
  ListRoleTagsCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsSim } from '../sim/aws.js';
import { HUB, assume, clients, failure, type Credentials } from './sim-aws-helpers.js';

let sim: AwsSim;
let key: Credentials;

const getRole = (name = 'target', extra: object = {}) =>
  clients(sim)
    .iam(key, extra)
    .send(new GetRoleCommand({ RoleName: name }));

beforeAll(async () => {
  sim = await AwsSim.start();
  key = sim.addAccessKey(HUB);
  sim.putRole(HUB, { name: 'target' });
  sim.addCluster({ account: HUB, region: 'us-west-2', name: 'hub' });
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.clearFaults();
  sim.resetLog();
});

describe('least-privilege policies', () => {
  it('allows what the policy allows and denies the rest with the principal named', async () => {
    const roleArn = sim.addGithubRole(HUB, 'least');
    const { credentials } = await assume(sim, roleArn, sim.githubToken());
    const { iam, eks, sts } = clients(sim);
    sim.setPrincipalPolicy(roleArn, {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['IAM:getrole', 'iam:???RolePolicy'],
          Resource: 'arn:aws:iam::${aws:PrincipalAccount}:role/tar*',
        },
        { Effect: 'Allow', Action: 'eks:DescribeCluster', Resource: 'arn:aws:eks:*:*:cluster/hub' },
        { Effect: 'Deny', Action: 'iam:PutRolePolicy', Resource: '*' },
      ],
    });

    expect(
      (await iam(credentials).send(new GetRoleCommand({ RoleName: 'target' }))).Role,
    ).toBeDefined();
    await expect(
      eks(credentials).send(new DescribeClusterCommand({ name: 'hub' })),
    ).resolves.toBeDefined();
    await expect(sts(credentials).send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();

    const other = await failure(iam(credentials).send(new GetRoleCommand({ RoleName: 'least' })));
    expect([other.name, other.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
    expect(other.message).toMatch(
      new RegExp(
        `^User: arn:aws:sts::${HUB}:assumed-role/least/ocm-eks-join is not authorized to ` +
          `perform: iam:GetRole on resource: arn:aws:iam::${HUB}:role/least`,
      ),
    );
    const list = await failure(iam(credentials).send(new ListOpenIDConnectProvidersCommand({})));
    expect(list.message).toContain('iam:ListOpenIDConnectProviders on resource: *');
    const denied = await failure(
      iam(credentials).send(
        new PutRolePolicyCommand({ RoleName: 'target', PolicyName: 'p', PolicyDocument: '{}' }),
      ),
    );
    expect(denied.name).toBe('AccessDenied');
    const cluster = await failure(eks(credentials).send(new DescribeClusterCommand({ name: 'x' })));
    expect([cluster.name, cluster.$metadata.httpStatusCode]).toEqual([
      'AccessDeniedException',
      403,
    ]);

    sim.setPrincipalPolicy(roleArn, undefined);
    await expect(
      iam(credentials).send(new ListRoleTagsCommand({ RoleName: 'least' })),
    ).resolves.toBeDefined();
  });
});

describe('faults', () => {
  it('throttles IAM with 400 Throttling and EKS with 429, then recovers', async () => {
    sim.inject({ service: 'iam', action: 'GetRole', kind: 'throttle', times: 2 });
    for (let i = 0; i < 2; i++) {
      const error = await failure(getRole());
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['Throttling', 400]);
    }
    await expect(getRole()).resolves.toBeDefined();

    sim.inject({ service: 'eks', kind: 'throttle' });
    const eks = await failure(
      clients(sim)
        .eks(key)
        .send(new DescribeClusterCommand({ name: 'hub' })),
    );
    expect([eks.name, eks.$metadata.httpStatusCode]).toEqual(['ThrottlingException', 429]);
  });

  it('answers server errors, unavailability and access denial', async () => {
    sim.inject({ service: 'iam', kind: 'server-error' });
    sim.inject({ service: 'iam', kind: 'unavailable' });
    sim.inject({ service: 'iam', kind: 'access-denied', message: 'explicit deny in an SCP' });
    const server = await failure(getRole());
    expect([server.name, server.$metadata.httpStatusCode]).toEqual([
      'ServiceFailureException',
      500,
    ]);
    const unavailable = await failure(getRole());
    expect(unavailable.$metadata.httpStatusCode).toBe(503);
    const denied = await failure(getRole());
    expect([denied.name, denied.message]).toEqual(['AccessDenied', 'explicit deny in an SCP']);
    await expect(getRole()).resolves.toBeDefined();
  });

  it('hangs a request until the client gives up, and resets a connection', async () => {
    sim.inject({ service: 'iam', action: 'GetRole', kind: 'hang' });
    const hung = await failure(
      getRole('target', { requestHandler: { requestTimeout: 300, throwOnRequestTimeout: true } }),
    );
    expect(hung.name).toBe('TimeoutError');
    expect(sim.requests.at(-1)).toMatchObject({ action: 'GetRole', status: 0 });

    sim.inject({ service: 'iam', kind: 'reset' });
    const reset = await failure(getRole());
    expect(reset.message).toMatch(/socket hang up|ECONNRESET/);
    await expect(getRole()).resolves.toBeDefined();
  });

  it('lets another actor win a CreateRole race with a bare role', async () => {
    const trust = { Version: '2012-10-17', Statement: [] };
    sim.inject({ kind: 'concurrent-create' });
    await expect(getRole()).resolves.toBeDefined();
    const raced = await failure(
      clients(sim)
        .iam(key)
        .send(
          new CreateRoleCommand({
            RoleName: 'raced',
            AssumeRolePolicyDocument: JSON.stringify(trust),
            Tags: [{ Key: 'k', Value: 'v' }],
          }),
        ),
    );
    expect([raced.name, raced.$metadata.httpStatusCode]).toEqual([
      'EntityAlreadyExistsException',
      409,
    ]);
    expect(sim.role(HUB, 'raced')).toMatchObject({ trust, tags: {}, inlinePolicies: {} });
  });

  it('throttles IAM above the configured rate in a sliding second', async () => {
    const limited = await AwsSim.start({ rateLimitPerSecond: 3 });
    try {
      const limitedKey = limited.addAccessKey(HUB);
      const client = clients(limited).iam(limitedKey);
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, () => client.send(new GetRoleCommand({ RoleName: 'x' }))),
      );
      const names = results.map((r) => (r.status === 'rejected' ? (r.reason as Error).name : 'ok'));
      expect(names.filter((n) => n === 'Throttling')).toHaveLength(2);
      expect(names.filter((n) => n === 'NoSuchEntityException')).toHaveLength(3);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const later = await failure(client.send(new GetRoleCommand({ RoleName: 'x' })));
      expect(later.name).toBe('NoSuchEntityException');
    } finally {
      await limited.close();
    }
  });
});

describe('request log', () => {
  it('records service, action, account, principal, write flag and status', async () => {
    await getRole();
    await failure(getRole('absent'));
    await failure(
      clients(sim)
        .iam(key)
        .send(
          new PutRolePolicyCommand({ RoleName: 'absent', PolicyName: 'p', PolicyDocument: '{}' }),
        ),
    );
    await clients(sim)
      .eks(key)
      .send(new DescribeClusterCommand({ name: 'hub' }));
    expect(sim.requests[0]).toEqual({
      service: 'iam',
      action: 'GetRole',
      account: HUB,
      principal: `arn:aws:iam::${HUB}:user/sim`,
      write: false,
      status: 200,
    });
    expect(sim.requests[1].status).toBe(404);
    expect(sim.count({ service: 'iam', write: true })).toBe(1);
    expect(sim.count({ action: 'GetRole', account: HUB })).toBe(2);
    expect(sim.count({ service: 'eks' })).toBe(1);
    sim.resetLog();
    expect(sim.count()).toBe(0);
  });
});
