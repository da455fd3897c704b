import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsSim } from '../sim/aws.js';
import { HUB } from './sim-aws-helpers.js';

/** The simulation must also satisfy an independent client: the AWS CLI (botocore). */

const hasAws = spawnSync('aws', ['--version']).status === 0;
if (!hasAws) console.warn('sim-aws-cli: skipped, the aws command is not installed');

const execFileAsync = promisify(execFile);

let sim: AwsSim;
let env: Record<string, string>;

/** Runs the CLI asynchronously: a synchronous child would block the simulation's own loop. */
async function aws(args: string[], extraEnv: Record<string, string> = env) {
  const { stdout } = await execFileAsync('aws', [...args, '--output', 'json'], {
    env: extraEnv,
    timeout: 30_000,
  });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  sim = await AwsSim.start();
  sim.putRole(HUB, { name: 'cli-role', tags: { team: 'fleet' } });
  sim.addCluster({ account: HUB, region: 'us-west-2', name: 'hub' });
  // A private HOME keeps the developer's own AWS profiles out of the run.
  const home = mkdtempSync(join(tmpdir(), 'sim-aws-cli-'));
  env = { PATH: process.env.PATH ?? '', HOME: home, ...sim.env(HUB, 'us-west-2') };
});

afterAll(async () => {
  await sim?.close();
});

describe('AWS CLI against the simulation', () => {
  it.skipIf(!hasAws)('reads a role with aws iam get-role', async () => {
    const answer = await aws([
      'iam',
      'get-role',
      '--role-name',
      'cli-role',
      '--endpoint-url',
      sim.url,
    ]);
    expect(answer.Role.RoleId).toBe(sim.role(HUB, 'cli-role')?.roleId);
    expect(answer.Role.Tags).toEqual([{ Key: 'team', Value: 'fleet' }]);
    expect(answer.Role.AssumeRolePolicyDocument).toEqual({ Version: '2012-10-17', Statement: [] });
  });

  it.skipIf(!hasAws)('describes a cluster with aws eks describe-cluster', async () => {
    const answer = await aws([
      'eks',
      'describe-cluster',
      '--name',
      'hub',
      '--endpoint-url',
      sim.url,
    ]);
    expect(answer.cluster.arn).toBe(`arn:aws:eks:us-west-2:${HUB}:cluster/hub`);
    expect(answer.cluster.accessConfig.authenticationMode).toBe('API_AND_CONFIG_MAP');
  });

  it.skipIf(!hasAws)(
    'accepts the token of aws eks get-token and binds it to the cluster',
    async () => {
      // get-token only presigns, so it runs offline against the real STS host name.
      const { AWS_ENDPOINT_URL: _unused, ...offline } = env;
      const answer = await aws(
        ['eks', 'get-token', '--cluster-name', 'hub', '--region', 'us-west-2'],
        offline,
      );
      const token: string = answer.status.token;
      expect(await sim.verifyEksToken(token, 'hub')).toEqual({
        arn: `arn:aws:iam::${HUB}:user/sim`,
        account: HUB,
      });
      await expect(sim.verifyEksToken(token, 'spoke')).rejects.toThrow(/signature/);
    },
  );
});
