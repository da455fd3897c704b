import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Fleet, GITHUB_TOKEN } from '../sim/fleet.js';
import { type ActionRun, newRunner, runAction } from '../sim/action-runner.js';
import { expectNoLeak } from './helpers/secrets.js';

// One join with recognisable secrets, then a scan of everything each step left where a user or
// another job could read it, for each secret in clear, base64 and base64url.

const SPOKE = { name: 'spoke-s', account: '222222222222', region: 'us-east-1' };
const PASSPHRASE = 'RECOGNISABLEPASSPHRASE-0123456789';
const PREFIX = 'RECOGNISABLESECRETTOKEN';

let fleet: Fleet;
const runs: ActionRun[] = [];

beforeAll(async () => {
  fleet = await Fleet.start({ spokes: [SPOKE], tokenPrefix: PREFIX });
  const toolCache = (await newRunner()).toolCache;
  const step = async (account: string, inputs: Record<string, string>) => {
    const result = await runAction(
      { 'role-to-assume': fleet.roleFor(account), ...fleet.commonInputs(), ...inputs },
      { env: fleet.jobEnv(), runner: await newRunner(toolCache) },
    );
    runs.push(result);
    return result;
  };
  const hub = await step(fleet.hub.account, {
    mode: 'hub-init',
    'hub-cluster-arn': fleet.hub.arn,
    'token-passphrase': PASSPHRASE,
  });
  const spoke = {
    'aws-region': SPOKE.region,
    'hub-cluster-arn': fleet.hub.arn,
    'spoke-cluster-name': SPOKE.name,
  };
  await step(SPOKE.account, { mode: 'spoke-prepare', ...spoke });
  await step(SPOKE.account, {
    mode: 'spoke-join',
    ...spoke,
    'hub-apiserver': hub.outputs['hub-apiserver'],
    'hub-token-sealed': hub.outputs['hub-token-sealed'],
    'token-passphrase': PASSPHRASE,
  });
});
afterAll(async () => fleet?.close());

const isJwt = (value: string) => /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/.test(value);

describe('secrets of a whole join', () => {
  it('ran hub-init, spoke-prepare and spoke-join successfully', () => {
    expect(runs.map((run) => [run.code, run.errors])).toEqual([
      [0, []],
      [0, []],
      [0, []],
    ]);
  });

  it('masked each secret the moment it was held', () => {
    const [hub, prepare, join] = runs;
    const token = hub.outputs['hub-token'];
    expect(token).toContain(PREFIX);
    expect(hub.masks).toEqual(expect.arrayContaining([PASSPHRASE, GITHUB_TOKEN, token]));
    expect(join.masks).toEqual(expect.arrayContaining([PASSPHRASE, token]));
    expect(prepare.masks).not.toContain(token);
    // clusteradm init prints a token of its own before get token mints the one handed on.
    const bootstrap = [...new Set(runs.flatMap((run) => run.masks))].filter((mask) =>
      mask.includes(PREFIX),
    );
    expect(bootstrap).toHaveLength(2);
    // Each job masks its GitHub OIDC token, and the assumed role's secret key and session token.
    for (const run of runs) {
      const others = [...new Set(run.masks)].filter(
        (mask) => ![PASSPHRASE, GITHUB_TOKEN].includes(mask) && !mask.includes(PREFIX),
      );
      expect(others.filter(isJwt)).toHaveLength(1);
      expect(others.filter((mask) => !isJwt(mask)).map((mask) => mask.length)).toEqual([40, 128]);
    }
  });

  it('left no secret in any log, output but hub-token, summary or file', async () => {
    const secrets = new Set(runs.flatMap((run) => run.masks));
    // The passphrase, the github-token input, two bootstrap tokens, and three per job.
    expect(secrets.size).toBe(4 + 3 * runs.length);
    for (const [index, run] of runs.entries()) {
      for (const secret of secrets) {
        await expectNoLeak(run, secret, index === 0 ? ['hub-token'] : []);
      }
    }
  });

  it('keeps the sealed token free of the clear token in any encoding', () => {
    const [hub] = runs;
    const sealed = hub.outputs['hub-token-sealed'];
    expect(sealed).toMatch(/^ocm-seal-v1\.[\w-]+$/);
    const token = hub.outputs['hub-token'];
    for (const form of [token, Buffer.from(token).toString('base64url')]) {
      expect(sealed.includes(form)).toBe(false);
    }
  });
});
