import { DescribeClusterCommand } from '@aws-sdk/client-eks';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { getIDToken } from '../src/core.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsSim } from '../sim/aws.js';
import {
  HUB,
  SPOKE,
  assume as assumeWith,
  clients,
  eksToken,
  failure,
  githubToken,
  type Credentials,
} from './sim-aws-helpers.js';

let sim: AwsSim;
let hubKey: Credentials;

const sts = (credentials?: Credentials) => clients(sim).sts(credentials);
const eks = (credentials: Credentials = hubKey, region?: string) =>
  clients(sim).eks(credentials, region);
const assume = (roleArn: string, token: string) => assumeWith(sim, roleArn, token);

beforeAll(async () => {
  sim = await AwsSim.start();
  hubKey = sim.addAccessKey(HUB);
  sim.addAccount(SPOKE);
});

afterAll(async () => {
  await sim.close();
});

describe('GitHub OIDC and web identity', () => {
  it('goes from a GitHub token to assumed-role credentials and caller identity', async () => {
    const roleArn = sim.addGithubRole(SPOKE, 'deployer');
    const token = await githubToken(sim.githubEnv());
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    expect(claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:octo-org/fleet:ref:refs/heads/main',
      aud: 'sts.amazonaws.com',
    });
    expect(claims.exp).toBeGreaterThan(claims.iat);

    const { answer, credentials } = await assume(roleArn, token);
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(answer.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${SPOKE}:assumed-role/deployer/ocm-eks-join`,
    );
    const expiresIn = answer.Credentials!.Expiration!.getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(800_000);
    expect(expiresIn).toBeLessThanOrEqual(900_000);

    const me = await sts(credentials).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${SPOKE}:assumed-role/deployer/ocm-eks-join`);
    expect(me.Account).toBe(SPOKE);
  });

  it('serves the action getIDToken and refuses requests without the bearer', async () => {
    const env = sim.githubEnv({ sub: 'repo:octo-org/fleet:environment:prod' });
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const token = await getIDToken('sts.amazonaws.com');
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
      expect(claims.sub).toBe('repo:octo-org/fleet:environment:prod');
    } finally {
      process.env = saved;
    }
    const denied = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=x`);
    expect(denied.status).toBe(401);
  });

  it('refuses a subject or audience the trust policy does not allow', async () => {
    const roleArn = sim.addGithubRole(SPOKE, 'strict', {
      sub: 'repo:octo-org/fleet:ref:refs/heads/main',
    });
    const intruder = await githubToken(
      sim.githubEnv({ sub: 'repo:evil/fleet:ref:refs/heads/main' }),
    );
    const denied = await failure(assume(roleArn, intruder));
    expect([denied.name, denied.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
    expect(denied.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');

    const wrongAudience = await failure(assume(roleArn, sim.githubToken({ audience: 'other' })));
    expect(wrongAudience.name).toBe('InvalidIdentityTokenException');
    const expired = await failure(assume(roleArn, sim.githubToken({ expiresIn: -10 })));
    expect(expired.name).toBe('ExpiredTokenException');
    const good = sim.githubToken();
    const forged = `${good.slice(0, good.lastIndexOf('.'))}.${'A'.repeat(40)}`;
    expect((await failure(assume(roleArn, forged))).name).toBe('InvalidIdentityTokenException');
    const missing = await failure(assume(`arn:aws:iam::${SPOKE}:role/absent`, good));
    expect(missing.name).toBe('AccessDenied');
  });

  it('accepts HS256 tokens signed with the shared secret for other issuers', async () => {
    const issuer = 'https://oidc.eks.us-west-2.amazonaws.com/id/HS';
    sim.addOidcProvider(SPOKE, issuer);
    sim.putRole(SPOKE, {
      name: 'sa-role',
      trust: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: `arn:aws:iam::${SPOKE}:oidc-provider/${issuer.slice(8)}` },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: {
              StringEquals: { [`${issuer.slice(8)}:sub`]: 'system:serviceaccount:a:b' },
            },
          },
        ],
      },
    });
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: issuer, aud: 'sts.amazonaws.com', iat: now, exp: now + 60 };
    const ok = sim.signWebIdentityToken({ ...claims, sub: 'system:serviceaccount:a:b' }, 'HS256');
    const { answer } = await assume(`arn:aws:iam::${SPOKE}:role/sa-role`, ok);
    expect(answer.SubjectFromWebIdentityToken).toBe('system:serviceaccount:a:b');
    const other = sim.signWebIdentityToken(
      { ...claims, sub: 'system:serviceaccount:a:c' },
      'HS256',
    );
    expect((await failure(assume(`arn:aws:iam::${SPOKE}:role/sa-role`, other))).name).toBe(
      'AccessDenied',
    );
  });
});

describe('EKS', () => {
  it('describes a cluster with its issuer, endpoint and authentication mode', async () => {
    const arn = sim.addCluster({ account: HUB, region: 'us-west-2', name: 'hub' });
    expect(arn).toBe(`arn:aws:eks:us-west-2:${HUB}:cluster/hub`);
    const { cluster } = await eks().send(new DescribeClusterCommand({ name: 'hub' }));
    expect(cluster).toMatchObject({
      name: 'hub',
      arn,
      status: 'ACTIVE',
      version: '1.31',
      accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
    });
    expect(cluster?.identity?.oidc?.issuer).toMatch(
      /^https:\/\/oidc\.eks\.us-west-2\.amazonaws\.com\/id\/[0-9A-F]{32}$/,
    );

    sim.setClusterEndpoint(arn, 'https://127.0.0.1:6443', 'Q0E=');
    const updated = await eks().send(new DescribeClusterCommand({ name: 'hub' }));
    expect(updated.cluster?.endpoint).toBe('https://127.0.0.1:6443');
    expect(updated.cluster?.certificateAuthority?.data).toBe('Q0E=');
  });

  it('answers ResourceNotFoundException for an unknown name, region or account', async () => {
    for (const [credentials, region, name] of [
      [hubKey, 'us-west-2', 'absent'],
      [hubKey, 'eu-west-1', 'hub'],
      [sim.addAccessKey(SPOKE), 'us-west-2', 'hub'],
    ] as const) {
      const error = await failure(
        eks(credentials, region).send(new DescribeClusterCommand({ name })),
      );
      expect([error.name, error.$metadata.httpStatusCode]).toEqual([
        'ResourceNotFoundException',
        404,
      ]);
    }
  });
});

describe('EKS bearer tokens', () => {
  it('returns the caller of a valid token, for a user and for an assumed role', async () => {
    expect(await sim.verifyEksToken(await eksToken(hubKey, 'hub'), 'hub')).toEqual({
      arn: `arn:aws:iam::${HUB}:user/sim`,
      account: HUB,
    });
    const roleArn = sim.addGithubRole(HUB, 'kube-user');
    const { credentials } = await assume(roleArn, sim.githubToken());
    const caller = await sim.verifyEksToken(await eksToken(credentials, 'hub'), 'hub');
    expect(caller.arn).toBe(`arn:aws:sts::${HUB}:assumed-role/kube-user/ocm-eks-join`);
  });

  it('rejects tokens for another cluster, too old, wrongly scoped or wrongly signed', async () => {
    const reject = async (token: string, reason: RegExp) =>
      expect(sim.verifyEksToken(token, 'hub')).rejects.toThrow(reason);
    await reject(await eksToken(hubKey, 'spoke'), /signature/);
    const old = new Date(Date.now() - 16 * 60 * 1000);
    await reject(await eksToken(hubKey, 'hub', { signingDate: old }), /15 minutes/);
    const recent = new Date(Date.now() - 10 * 60 * 1000);
    await expect(
      sim.verifyEksToken(await eksToken(hubKey, 'hub', { signingDate: recent }), 'hub'),
    ).resolves.toMatchObject({ account: HUB });
    await reject(await eksToken(hubKey, 'hub', { expiresIn: 900 }), /X-Amz-Expires=900/);
    await reject(await eksToken(hubKey, 'hub', { host: '127.0.0.1' }), /not an STS endpoint/);
    const wrongKey = { ...hubKey, secretAccessKey: 'z'.repeat(40) };
    await reject(await eksToken(wrongKey, 'hub'), /signature/);
    await reject('k8s-aws-v1.not base64!', /base64url/);
    await reject('Bearer abc', /k8s-aws-v1/);
  });
});
