import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../src/core.js';
import { parseOutputFile } from '../sim/action-runner.js';

let printed: string;
const saved = { ...process.env };

beforeEach(() => {
  printed = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

describe('the runner protocol', () => {
  it('reads inputs as INPUT_<NAME> with hyphens kept, trimmed', () => {
    process.env['INPUT_HUB-CLUSTER-ARN'] = '  arn:aws:eks:us-west-2:111111111111:cluster/hub \n';
    expect(core.getInput('hub-cluster-arn')).toBe('arn:aws:eks:us-west-2:111111111111:cluster/hub');
    expect(core.getInput('absent')).toBe('');
  });

  it('writes outputs and state as delimited blocks, multi-line values intact', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'core-'));
    process.env.GITHUB_OUTPUT = join(dir, 'output');
    process.env.GITHUB_STATE = join(dir, 'state');
    await writeFile(process.env.GITHUB_OUTPUT, '');
    core.setOutput('managed-cluster-name', 'a\nb');
    core.setOutput('changed', 'true');
    core.saveState('files', '["/tmp/x"]');
    expect(parseOutputFile(await readFile(process.env.GITHUB_OUTPUT, 'utf8'))).toEqual({
      'managed-cluster-name': 'a\nb',
      changed: 'true',
    });
    expect(await readFile(process.env.GITHUB_STATE, 'utf8')).toMatch(
      /^files<<ghadelimiter_[0-9a-f-]{36}\n\["\/tmp\/x"\]\nghadelimiter_[0-9a-f-]{36}\n$/,
    );
    expect(printed).toBe('');
  });

  it('escapes messages so that a newline cannot start a command of its own', () => {
    core.setFailed('bad input\n::set-output name=changed::true 100%');
    expect(printed).toBe('::error::bad input%0A::set-output name=changed::true 100%25\n');
    expect(process.exitCode).toBe(1);
  });

  it('masks, groups and logs with the runner commands', () => {
    core.setSecret('s3cret');
    core.setSecret('');
    core.startGroup('clusteradm init');
    core.info('plain');
    core.endGroup();
    core.debug('detail');
    core.warning('careful');
    expect(printed.split('\n')).toEqual([
      '::add-mask::s3cret',
      '::group::clusteradm init',
      'plain',
      '::endgroup::',
      '::debug::detail',
      '::warning::careful',
      '',
    ]);
  });

  it('asks the OIDC endpoint for a token with the audience and the bearer, and masks it', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '', 'http://x');
      const ok =
        request.headers.authorization === 'Bearer request-token' &&
        url.searchParams.get('api-version') === '2.0';
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(ok ? { value: `token-for-${url.searchParams.get('audience')}` } : {}),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `http://127.0.0.1:${port}/token?api-version=2.0`;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'request-token';
    try {
      expect(await core.getIDToken('sts.amazonaws.com')).toBe('token-for-sts.amazonaws.com');
      expect(printed).toBe('::add-mask::token-for-sts.amazonaws.com\n');
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'wrong';
      await expect(core.getIDToken('x')).rejects.toThrow(
        'the OIDC token endpoint answered HTTP 401',
      );
    } finally {
      server.close();
    }
  });

  it('appends to the job summary when the runner offers one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'core-'));
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary');
    core.appendSummary('### Title');
    core.appendSummary('| a | b |');
    expect(await readFile(process.env.GITHUB_STEP_SUMMARY, 'utf8')).toBe('### Title\n| a | b |\n');
    delete process.env.GITHUB_STEP_SUMMARY;
    expect(() => core.appendSummary('nowhere')).not.toThrow();
  });
});
