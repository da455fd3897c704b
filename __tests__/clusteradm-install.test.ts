import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installClusteradm } from '../src/clusteradm/install.js';
import { ReleaseSim } from '../sim/releases.js';

const LINUX_ASSET = 'clusteradm_linux_amd64.tar.gz';
const DOWNLOADS = /^\/download\//;
const API = /^\/api\//;

let sim: ReleaseSim;
let scratch: string;
let savedEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  savedEnv = { ...process.env };
  sim = await new ReleaseSim({ versions: ['1.3.1', '1.0.0'] }).start();
});

afterAll(async () => {
  await sim.stop();
  process.env = savedEnv;
});

beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'clusteradm-install-'));
  process.env.RUNNER_TOOL_CACHE = path.join(scratch, 'cache');
  process.env.RUNNER_TEMP = path.join(scratch, 'temp');
  process.env.GITHUB_API_URL = sim.apiUrl;
  // Retries run without sleeping.
  process.env.OCM_EKS_JOIN_RETRY_BASE_MS = '0';
  sim.reset();
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(scratch, { recursive: true, force: true });
});

type Options = Parameters<typeof installClusteradm>[0];

function linux(extra: Partial<Options> = {}): Options {
  return { version: '1.3.1', mirror: sim.mirrorUrl, platform: 'linux', arch: 'x64', ...extra };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/**
 * The entry in the runner's shared tool cache layout, `<cache>/clusteradm/<version>/<arch>`, or
 * '' unless its `.complete` marker exists; other actions read and write the same layout.
 */
function cacheEntry(arch: string, version = '1.3.1'): string {
  const dir = path.join(process.env.RUNNER_TOOL_CACHE!, 'clusteradm', version, arch);
  return existsSync(dir) && existsSync(`${dir}.complete`) ? dir : '';
}

async function leftovers(dir: string): Promise<string[]> {
  return existsSync(dir) ? readdir(dir) : [];
}

describe('installClusteradm', () => {
  it('downloads, checks the published digest and caches the binary', async () => {
    const installed = await installClusteradm(linux({ githubToken: 'ghs_example' }));

    expect(installed).toMatchObject({ version: '1.3.1', cached: false });
    const cacheDir = cacheEntry('x64');
    expect(cacheDir).not.toBe('');
    expect(installed.path).toBe(path.join(cacheDir, 'clusteradm'));
    expect((await stat(installed.path)).mode & 0o777).toBe(0o755);
    expect(await readFile(installed.path, 'utf8')).toMatch(/^#!\/bin\/sh\n/);
    expect(existsSync(path.join(cacheDir, 'LICENSE'))).toBe(true);
    expect(sim.count(DOWNLOADS)).toBe(1);
    expect(sim.requests.find((r) => API.test(r.path))?.authorization).toBe('Bearer ghs_example');
    expect(await leftovers(process.env.RUNNER_TEMP!)).toEqual([]);
  });

  it('uses the tool cache on a second install without any request', async () => {
    const first = await installClusteradm(linux());
    sim.reset();

    const second = await installClusteradm(linux());

    expect(second).toEqual({ path: first.path, version: '1.3.1', cached: true });
    expect(sim.requests).toEqual([]);
  });

  it('uses an entry that another action stored in the tool cache layout', async () => {
    const dir = path.join(process.env.RUNNER_TOOL_CACHE!, 'clusteradm', '1.3.1', 'x64');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'clusteradm'), '#!/bin/sh\necho elsewhere\n');
    await chmod(path.join(dir, 'clusteradm'), 0o755);
    await writeFile(`${dir}.complete`, '');

    const installed = await installClusteradm(linux());

    expect(installed).toEqual({
      path: path.join(dir, 'clusteradm'),
      version: '1.3.1',
      cached: true,
    });
    expect(sim.requests).toEqual([]);
  });

  it('replaces an entry that lacks the .complete marker', async () => {
    const dir = path.join(process.env.RUNNER_TOOL_CACHE!, 'clusteradm', '1.3.1', 'x64');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'clusteradm'), 'half written');
    await writeFile(path.join(dir, 'stale'), '');

    const installed = await installClusteradm(linux());

    expect(installed).toEqual({
      path: path.join(dir, 'clusteradm'),
      version: '1.3.1',
      cached: false,
    });
    expect(sim.count(DOWNLOADS)).toBe(1);
    expect(await readFile(installed.path, 'utf8')).toMatch(/^#!\/bin\/sh\n/);
    expect(existsSync(path.join(dir, 'stale'))).toBe(false);
    expect(cacheEntry('x64')).toBe(dir);
  });

  it('fails before any request when RUNNER_TOOL_CACHE is not set', async () => {
    delete process.env.RUNNER_TOOL_CACHE;

    const error = await failure(installClusteradm(linux()));

    expect(error.message).toContain('RUNNER_TOOL_CACHE is not set');
    expect(sim.requests).toEqual([]);
  });

  it('checks an explicit sha256 (any case) without asking the API', async () => {
    const sha256 = sim.digestOf(LINUX_ASSET).toUpperCase();

    const installed = await installClusteradm(linux({ sha256, mirror: `${sim.mirrorUrl}/` }));

    expect(installed.cached).toBe(false);
    expect(sim.count(API)).toBe(0);
    expect(sim.count(/^\/download\/v1\.3\.1\/clusteradm_linux_amd64\.tar\.gz$/)).toBe(1);
  });

  it('installs an arm64 macOS build and a Windows zip under their own names', async () => {
    const mac = await installClusteradm(linux({ platform: 'darwin', arch: 'arm64' }));
    const windows = await installClusteradm(linux({ platform: 'win32', arch: 'x64' }));

    expect(mac.path).toBe(path.join(cacheEntry('arm64'), 'clusteradm'));
    expect(path.basename(windows.path)).toBe('clusteradm.exe');
    expect(sim.count(/clusteradm_darwin_arm64\.tar\.gz$/)).toBe(1);
    expect(sim.count(/clusteradm_windows_amd64\.zip$/)).toBe(1);
  });

  it('rejects an archive whose digest differs and caches nothing', async () => {
    sim.tamper(LINUX_ASSET);
    const served = await fetch(`${sim.mirrorUrl}/v1.3.1/${LINUX_ASSET}`);
    const actual = createHash('sha256')
      .update(Buffer.from(await served.arrayBuffer()))
      .digest('hex');
    const expected = sim.digestOf(LINUX_ASSET);

    const error = await failure(installClusteradm(linux()));

    expect(error.message).toContain(`SHA-256 ${actual}`);
    expect(error.message).toContain(expected);
    expect(error.message).toContain(`${sim.mirrorUrl}/v1.3.1/${LINUX_ASSET}`);
    expect(cacheEntry('x64')).toBe('');
    expect(await leftovers(process.env.RUNNER_TOOL_CACHE!)).toEqual([]);
    expect(await leftovers(process.env.RUNNER_TEMP!)).toEqual([]);
  });

  it('rejects an archive that differs from an explicit sha256', async () => {
    const wrong = 'ab'.repeat(32);

    const error = await failure(installClusteradm(linux({ sha256: wrong })));

    expect(error.message).toContain(wrong);
    expect(error.message).toContain(sim.digestOf(LINUX_ASSET));
    expect(error.message).toContain('clusteradm-sha256');
    expect(cacheEntry('x64')).toBe('');
  });

  it('names version, OS, arch and URL when the asset is missing', async () => {
    sim.fail404(LINUX_ASSET);

    const error = await failure(installClusteradm(linux()));

    expect(error.message).toContain('clusteradm 1.3.1 for linux/x64');
    expect(error.message).toContain(`${sim.mirrorUrl}/v1.3.1/${LINUX_ASSET}`);
    expect(error.message).toContain('HTTP 404');
    expect(sim.count(DOWNLOADS)).toBe(1);
  });

  it('fails a truncated download after the download retries, naming the URL', async () => {
    sim.truncate(LINUX_ASSET);

    const error = await failure(installClusteradm(linux()));

    expect(error.message).toContain('clusteradm 1.3.1 for linux/x64');
    expect(error.message).toContain(`${sim.mirrorUrl}/v1.3.1/${LINUX_ASSET}`);
    expect(sim.count(DOWNLOADS)).toBe(3);
    expect(cacheEntry('x64')).toBe('');
    expect(await leftovers(process.env.RUNNER_TEMP!)).toEqual([]);
  });

  it('refuses Windows on arm64 before any request', async () => {
    const error = await failure(installClusteradm(linux({ platform: 'win32', arch: 'arm64' })));

    expect(error.message).toContain('no release build for windows/arm64');
    expect(sim.requests).toEqual([]);
  });

  it.each([
    ['0.9.0', /older than 1\.0\.0/],
    ['1.3', /not a release version/],
    ['latest', /not a release version/],
  ])('refuses clusteradm-version %s', async (version, reason) => {
    const error = await failure(installClusteradm(linux({ version })));

    expect(error.message).toMatch(reason);
    expect(error).toMatchObject({ input: 'clusteradm-version' });
    expect(sim.requests).toEqual([]);
  });

  it('accepts the oldest supported version and a leading v', async () => {
    const installed = await installClusteradm(linux({ version: 'v1.0.0' }));

    expect(installed.version).toBe('1.0.0');
    expect(sim.count(/^\/download\/v1\.0\.0\//)).toBe(1);
  });

  it('asks for clusteradm-sha256 when the release publishes no digest', async () => {
    sim.omitDigest();

    const error = await failure(installClusteradm(linux()));

    expect(error.message).toContain("set 'clusteradm-sha256'");
    expect(error).toMatchObject({ input: 'clusteradm-sha256' });
    expect(sim.count(DOWNLOADS)).toBe(0);
  });

  it('rejects a malformed clusteradm-sha256', async () => {
    const error = await failure(installClusteradm(linux({ sha256: 'abc123' })));

    expect(error).toMatchObject({ input: 'clusteradm-sha256' });
    expect(sim.requests).toEqual([]);
  });
});

describe('installClusteradm with an API that needs a token', () => {
  let guarded: ReleaseSim;

  beforeAll(async () => {
    guarded = await new ReleaseSim({ requireToken: 'ghs_right' }).start();
  });

  afterAll(async () => {
    await guarded.stop();
  });

  it('reads the digest with the token and keeps the token out of the failure', async () => {
    process.env.GITHUB_API_URL = `${guarded.apiUrl}/`;
    const options = linux({ mirror: guarded.mirrorUrl });

    const error = await failure(installClusteradm({ ...options, githubToken: 'ghs_wrong' }));
    const installed = await installClusteradm({ ...options, githubToken: 'ghs_right' });

    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain("check 'github-token'");
    expect(error.message).not.toContain('ghs_wrong');
    expect(guarded.requests.map((r) => r.authorization)).toContain('Bearer ghs_wrong');
    expect(installed.cached).toBe(false);
  });
});
