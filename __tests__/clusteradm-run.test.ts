import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseGetToken, parseInitOutput } from '../src/clusteradm/parse.js';
import { ClusteradmError, runClusteradm } from '../src/clusteradm/run.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IkZha2UifQ.eyJzdWIiOiJib290c3RyYXAifQ.c2lnbmF0dXJl';
const APISERVER = 'https://ABCDEF0123456789.gr7.us-west-2.eks.amazonaws.com';

// A stand-in binary: a node script started through its shebang, as the real one is started.
const FAKE = `
const [command, ...rest] = process.argv.slice(2);
const out = (text) => process.stdout.write(text + '\\n');
const err = (text) => process.stderr.write(text + '\\n');
if (command === 'echo-args') {
  out(JSON.stringify({ argv: process.argv.slice(2), kubeconfig: process.env.KUBECONFIG,
    extra: process.env.FAKE_EXTRA }));
} else if (command === 'init') {
  err('Preflight check: HubApiServer check Passed with 0 warnings and 0 errors');
  out('flag registration-drivers has been set');
  out('flag hub-cluster-arn has been set');
  out('The multicluster hub control plane has been initialized successfully!');
  out('');
  out('You can now register cluster(s) to the hub control plane. ' +
    'Log onto those cluster(s) and run the following command:');
  out('');
  out('    ' + process.argv[1] + ' join --hub-token ' + process.env.FAKE_TOKEN +
    ' --hub-apiserver ${APISERVER} --wait --cluster-name <cluster_name>');
  out('');
  out('Replace <cluster_name> with a cluster name of your choice. ' +
    'For example, cluster_name="cluster1".');
} else if (command === 'join') {
  const token = rest[rest.indexOf('--hub-token') + 1];
  out('joining with token ' + token);
  err('\\u001b[31mError: Unauthorized: token ' + token + ' is expired\\u001b[0m');
  err('Usage:');
  err('  clusteradm join [flags]');
  process.exit(2);
} else if (command === 'get') {
  err('W1203 17:00:00.000000   1 warnings.go:70] something odd');
  err('the server has asked for the client to provide credentials');
  process.exit(1);
} else if (command === 'crash') {
  process.kill(process.pid, 'SIGKILL');
} else if (command === 'hang') {
  err('Waiting for the hub...');
  setInterval(() => {}, 1000);
}
`;

let dir: string;
let fake: string;
let printed: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clusteradm-run-'));
  fake = path.join(dir, 'clusteradm');
  await writeFile(fake, `#!${process.execPath}\n${FAKE}`);
  await chmod(fake, 0o755);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  printed = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function printedLines(): string[] {
  return printed.join('').split(/\r?\n/);
}

async function failure(promise: Promise<unknown>): Promise<ClusteradmError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ClusteradmError);
  return error as ClusteradmError;
}

describe('runClusteradm', () => {
  it('passes arguments literally without a shell, with KUBECONFIG and extra env', async () => {
    const marker = path.join(dir, 'shell-ran');
    const args = ['echo-args', `$(touch ${marker}); echo`, 'two words', '"quoted"', '*'];

    const result = await runClusteradm({
      binary: fake,
      args,
      kubeconfig: '/tmp/hub.kubeconfig',
      title: 'clusteradm echo',
      env: { FAKE_EXTRA: 'extra-value' },
    });

    expect(JSON.parse(result.stdout)).toEqual({
      argv: args,
      kubeconfig: '/tmp/hub.kubeconfig',
      extra: 'extra-value',
    });
    expect(existsSync(marker)).toBe(false);
    const lines = printedLines();
    expect(lines.indexOf('::group::clusteradm echo')).toBeGreaterThanOrEqual(0);
    expect(lines.at(-2)).toBe('::endgroup::');
  });

  it('masks secrets found in the output before printing anything', async () => {
    const result = await runClusteradm({
      binary: fake,
      args: ['init', '--registration-drivers', 'awsirsa', '--wait'],
      kubeconfig: '/tmp/hub.kubeconfig',
      title: 'Initializing the hub',
      env: { FAKE_TOKEN: TOKEN },
      discoverSecrets: (stdout) => [parseInitOutput(stdout).token ?? ''],
    });

    const lines = printedLines();
    const mask = lines.indexOf(`::add-mask::${TOKEN}`);
    expect(mask).toBeGreaterThanOrEqual(0);
    expect(lines.filter((line) => line.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
    expect(lines.indexOf('::group::Initializing the hub')).toBeGreaterThan(mask);
    expect(lines.some((line) => line.includes('join --hub-token *** --hub-apiserver'))).toBe(true);
    expect(lines).toContain(
      'Preflight check: HubApiServer check Passed with 0 warnings and 0 errors',
    );
    expect(parseInitOutput(result.stdout)).toEqual({ token: TOKEN, apiserver: APISERVER });
  });

  it('fails with the command own error line and never the token', async () => {
    const error = await failure(
      runClusteradm({
        binary: fake,
        args: ['join', '--hub-token', TOKEN, '--hub-apiserver', APISERVER, '--cluster-name', 'c1'],
        kubeconfig: '/tmp/spoke.kubeconfig',
        title: 'Joining c1',
        secrets: [TOKEN],
      }),
    );

    expect(error.message).toBe(
      'clusteradm join failed (exit 2): Error: Unauthorized: token *** is expired',
    );
    expect(error).toMatchObject({ call: 'clusteradm join', exitCode: 2 });
    expect(error.stderr).not.toContain(TOKEN);
    const output = printed.join('');
    expect(output).not.toContain(TOKEN);
    expect(output).toContain(`join --hub-token *** --hub-apiserver ${APISERVER} --cluster-name c1`);
    expect(output).toContain('joining with token ***');
  });

  it('shows --hub-token values as *** in the command line without a secrets list', async () => {
    await runClusteradm({
      binary: fake,
      args: ['echo-args', '--hub-token', 'plain-token', '--hub-token=inline-token'],
      kubeconfig: '/tmp/k',
      title: 'echo',
    });

    const commandLine = printedLines().find((line) => line.startsWith('[command]'));
    expect(commandLine).toBe(`[command]${fake} echo-args --hub-token *** --hub-token=***`);
  });

  it('falls back to the last stderr lines when no line starts with Error', async () => {
    const args = ['get', 'token', '-o', 'json'];

    const error = await failure(
      runClusteradm({ binary: fake, args, kubeconfig: '/k', title: 'Reading the token' }),
    );

    expect(error.message).toBe(
      'clusteradm get token failed (exit 1): W1203 17:00:00.000000   1 warnings.go:70] something ' +
        'odd the server has asked for the client to provide credentials',
    );
  });

  it('reports a binary that cannot be started', async () => {
    const missing = path.join(dir, 'no-such-clusteradm');

    const args = ['join', '--hub-token', TOKEN];

    const error = await failure(
      runClusteradm({ binary: missing, args, kubeconfig: '/k', title: 'join', secrets: [TOKEN] }),
    );

    expect(error.message).toBe(
      `clusteradm join could not be started (${missing} was not found); check that clusteradm ` +
        'is installed and executable on this runner.',
    );
    expect(error.exitCode).toBeNull();
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(JSON.stringify(error.cause, Object.getOwnPropertyNames(error.cause))).not.toContain(
      TOKEN,
    );
  });

  it('reports a process killed by a signal', async () => {
    const error = await failure(
      runClusteradm({ binary: fake, args: ['crash'], kubeconfig: '/k', title: 'crash' }),
    );

    expect(error.message).toBe('clusteradm crash was terminated by SIGKILL: no output');
  });

  it('stops a clusteradm that outlives its time and says so', async () => {
    const started = Date.now();
    const error = await failure(
      runClusteradm({
        binary: fake,
        args: ['hang'],
        kubeconfig: '/k',
        title: 'hang',
        timeoutSeconds: 1,
      }),
    );

    expect(error.message).toBe(
      "clusteradm hang did not finish within 1 s and was stopped: Waiting for the hub...; raise 'wait-timeout-seconds' or check the cluster.",
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('output parsers', () => {
  it('reads the join line of init output, argv0 being a full path', () => {
    const stdout = [
      'flag registration-drivers has been set',
      'flag hub-cluster-arn has been set',
      'The multicluster hub control plane has been initialized successfully!',
      '',
      `    /opt/hostedtoolcache/clusteradm/1.3.1/x64/clusteradm join --hub-token ${TOKEN} ` +
        `--hub-apiserver ${APISERVER} --wait --cluster-name <cluster_name>`,
      '',
      'Replace <cluster_name> with a cluster name of your choice.',
    ].join('\n');

    expect(parseInitOutput(stdout)).toEqual({ token: TOKEN, apiserver: APISERVER });
    expect(parseInitOutput('Hub already initialized\n')).toEqual({});
    expect(parseInitOutput('clusteradm join --hub-token x --hub-apiserver y\n')).toEqual({});
  });

  it('reads get token JSON and never echoes other output', () => {
    const json = JSON.stringify({ 'hub-token': TOKEN, 'hub-apiserver': APISERVER }, null, 2);

    expect(parseGetToken(`${json}\n`)).toEqual({ token: TOKEN, apiserver: APISERVER });
    for (const bad of [`token ${TOKEN}`, JSON.stringify({ 'hub-token': TOKEN }), '', '{']) {
      expect(() => parseGetToken(bad)).toThrow(/printed no JSON object with hub-token/);
      try {
        parseGetToken(bad);
      } catch (error) {
        expect((error as Error).message).not.toContain(TOKEN);
        expect((error as Error).cause).toBeUndefined();
      }
    }
  });
});

describe('output that looks like a workflow command', () => {
  it('is shown between stop-commands markers, so the runner does not obey it', async () => {
    const script = path.join(dir, 'commands');
    await writeFile(
      script,
      `#!${process.execPath}\nconsole.log('::set-output name=changed::true');\n`,
    );
    await chmod(script, 0o755);
    await runClusteradm({ binary: script, args: ['version'], kubeconfig: '/k', title: 'version' });

    const lines = printedLines();
    const start = lines.findIndex((line) => /^::stop-commands::[0-9a-f-]{36}$/.test(line));
    expect(start).toBeGreaterThanOrEqual(0);
    const guard = lines[start].slice('::stop-commands::'.length);
    const end = lines.indexOf(`::${guard}::`);
    const injected = lines.indexOf('::set-output name=changed::true');
    expect(injected).toBeGreaterThan(start);
    expect(injected).toBeLessThan(end);
  });
});
