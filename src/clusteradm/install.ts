import { existsSync } from 'node:fs';
import { chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import * as core from '../core.js';
import { ActionError, inputError, messageOf } from '../errors.js';
import { isTransientNetworkError, isTransientStatus, withRetry } from '../retry.js';
import {
  type Download,
  DownloadError,
  downloadFile,
  extractArchive,
  extractorName,
  findInToolCache,
  storeInToolCache,
} from './tool-cache.js';

/** What installClusteradm needs: the inputs clusteradm-* and github-token, plus the platform. */
export interface InstallClusteradmOptions {
  /** Release version without a leading `v`, such as `1.3.1`. */
  version: string;
  /** Expected SHA-256 of the archive (64 hex digits, any case); otherwise the published digest. */
  sha256?: string;
  /** Base URL of release downloads; the archive is `<mirror>/v<version>/<asset>`. */
  mirror: string;
  /** Only sent to the GitHub API to read the release's published asset digest. */
  githubToken?: string;
  /** Defaults to the running platform. */
  platform?: NodeJS.Platform;
  /** Node's arch name (`x64`, `arm64`); defaults to the running arch. */
  arch?: string;
}

/** An installed clusteradm binary. */
export interface InstalledClusteradm {
  /** Absolute path of the binary inside the tool cache. */
  path: string;
  version: string;
  /** True when the tool cache already held this version and nothing was downloaded. */
  cached: boolean;
}

/** `--managed-cluster-arn` on `clusteradm join` first appeared in this release. */
export const MINIMUM_CLUSTERADM_VERSION = '1.0.0';

const TOOL_NAME = 'clusteradm';
const RELEASES_REPOSITORY = 'open-cluster-management-io/clusteradm';

interface Target {
  version: string;
  os: string;
  /** Arch as the tool cache names it. */
  cacheArch: string;
  asset: string;
  binary: string;
  zip: boolean;
  /** `clusteradm 1.3.1 for linux/x64`, for messages. */
  label: string;
}

/**
 * Returns the clusteradm binary for the version, from the tool cache when present, otherwise
 * downloaded from the mirror, checked against the expected SHA-256 and added to the cache.
 */
export async function installClusteradm(
  options: InstallClusteradmOptions,
): Promise<InstalledClusteradm> {
  const target = resolveTarget(options);
  const { label } = target;
  const expectedFromInput = normalizeSha256(options.sha256);
  const mirror = normalizeMirror(options.mirror);

  const cachedDir = findInToolCache(TOOL_NAME, target.version, target.cacheArch);
  const cachedBinary = cachedDir ? path.join(cachedDir, target.binary) : '';
  if (cachedBinary && existsSync(cachedBinary)) {
    core.info(`Found ${label} in the tool cache: ${cachedBinary}`);
    return { path: cachedBinary, version: target.version, cached: true };
  }

  const url = `${mirror}/v${target.version}/${target.asset}`;
  const expected = expectedFromInput
    ? { sha256: expectedFromInput, source: "input 'clusteradm-sha256'" }
    : {
        sha256: await publishedDigest(target, options.githubToken),
        source: `the digest published with release v${target.version}`,
      };

  core.info(`Downloading ${label} from ${url}`);
  let download: Download;
  try {
    download = await downloadFile(url);
  } catch (error) {
    // downloadFile already retried network errors and 5xx; a 4xx is reported at once.
    const status = error instanceof DownloadError ? error.status : undefined;
    const problem = status ? `HTTP ${status}` : `after retries: ${messageOf(error)}`;
    throw new ActionError(
      `Downloading ${label} from ${url} failed (${problem}); check 'clusteradm-version' and ` +
        `'clusteradm-mirror', and that the runner can reach the mirror.`,
      { call: 'download clusteradm', cause: error },
    );
  }

  const { file: archive, sha256: actual } = download;
  try {
    if (actual !== expected.sha256) {
      throw new ActionError(
        `The archive of ${label} from ${url} has SHA-256 ${actual}, expected ${expected.sha256} ` +
          `(${expected.source}); check that 'clusteradm-mirror' serves the genuine release ` +
          `and that 'clusteradm-sha256' is right.`,
        { input: expectedFromInput ? 'clusteradm-sha256' : undefined, call: 'download clusteradm' },
      );
    }
    core.info(`Verified SHA-256 ${actual} of ${target.asset} against ${expected.source}`);

    const binaryPath = await extractAndCache(archive, target, url);
    core.info(`Cached ${label} at ${binaryPath}`);
    return { path: binaryPath, version: target.version, cached: false };
  } finally {
    await rm(archive, { force: true });
  }
}

function resolveTarget(options: InstallClusteradmOptions): Target {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(options.version.trim());
  if (!match) {
    throw inputError(
      'clusteradm-version',
      `is '${options.version}', which is not a release version`,
      `a version such as 1.3.1`,
    );
  }
  const version = `${Number(match[1])}.${Number(match[2])}.${Number(match[3])}`;
  if (Number(match[1]) < 1) {
    throw inputError(
      'clusteradm-version',
      `is ${version}, older than ${MINIMUM_CLUSTERADM_VERSION} which added --managed-cluster-arn`,
      `${MINIMUM_CLUSTERADM_VERSION} or later, such as 1.3.1`,
    );
  }

  const platform = options.platform ?? process.platform;
  const nodeArch = options.arch ?? process.arch;
  const os = { linux: 'linux', darwin: 'darwin', win32: 'windows' }[platform as string];
  const releaseArch = { x64: 'amd64', amd64: 'amd64', arm64: 'arm64' }[nodeArch];
  const cacheArch = releaseArch === 'amd64' ? 'x64' : releaseArch;
  // Releases publish Windows builds for amd64 only.
  if (!os || !releaseArch || !cacheArch || (os === 'windows' && releaseArch !== 'amd64')) {
    throw new ActionError(
      `clusteradm ${version} has no release build for ${os ?? platform}/${nodeArch}; run the ` +
        `action on Linux or macOS (x64 or arm64) or on Windows x64.`,
      { call: 'download clusteradm' },
    );
  }

  const zip = os === 'windows';
  return {
    version,
    os,
    cacheArch,
    asset: `clusteradm_${os}_${releaseArch}${zip ? '.zip' : '.tar.gz'}`,
    binary: zip ? 'clusteradm.exe' : 'clusteradm',
    zip,
    label: `clusteradm ${version} for ${os}/${cacheArch}`,
  };
}

function normalizeSha256(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) return undefined;
  if (!/^[0-9a-fA-F]{64}$/.test(trimmed)) {
    throw inputError('clusteradm-sha256', 'is not a SHA-256 digest', '64 hexadecimal digits');
  }
  return trimmed.toLowerCase();
}

function normalizeMirror(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(trimmed)) {
    throw inputError(
      'clusteradm-mirror',
      `is '${value}', which is not an http(s) URL`,
      `a base URL such as https://github.com/${RELEASES_REPOSITORY}/releases/download`,
    );
  }
  return trimmed;
}

/** Reads `sha256:<hex>` for the asset from the GitHub API's release-by-tag endpoint. */
async function publishedDigest(target: Target, githubToken: string | undefined): Promise<string> {
  const apiBase = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const url = `${apiBase}/repos/${RELEASES_REPOSITORY}/releases/tags/v${target.version}`;
  const headers: Record<string, string> = {
    Accept: 'application/vnd.github+json',
    'User-Agent': 'ocm-eks-join',
  };
  if (githubToken) headers.Authorization = `Bearer ${githubToken}`;
  const unavailable = (reason: string, status?: number, cause?: unknown): ActionError =>
    new ActionError(
      `Could not read the SHA-256 that release v${target.version} publishes for ` +
        `${target.asset} (${reason}); set 'clusteradm-sha256' to the archive's digest` +
        (status === 401 || status === 403 ? " or check 'github-token'." : '.'),
      { input: 'clusteradm-sha256', call: 'GitHub GetReleaseByTag', cause },
    );

  let body: { assets?: unknown } | null;
  try {
    body = await withRetry(
      async () => {
        const response = await fetch(url, { headers });
        if (response.ok) return (await response.json()) as { assets?: unknown } | null;
        throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
      },
      {
        attempts: 4,
        retryable: (error) =>
          isTransientStatus((error as { status?: number }).status) ||
          isTransientNetworkError((error as { cause?: unknown }).cause),
        onRetry: (error, attempt) => core.debug(`Retry ${attempt} of ${url}: ${messageOf(error)}`),
      },
    );
  } catch (error) {
    const { status, cause } = error as { status?: number; cause?: unknown };
    const reason = cause ? `${messageOf(error)}: ${messageOf(cause)}` : messageOf(error);
    throw unavailable(`${reason} from ${url}`, status, error);
  }

  type Asset = { name?: unknown; digest?: unknown } | undefined;
  const assets: Asset[] = Array.isArray(body?.assets) ? body.assets : [];
  const asset = assets.find((entry) => entry?.name === target.asset);
  const digest = typeof asset?.digest === 'string' ? asset.digest.trim() : '';
  const match = /^sha256:([0-9a-fA-F]{64})$/.exec(digest);
  if (!match) {
    throw unavailable(asset ? 'it lists no digest for the asset' : 'it has no such asset');
  }
  return match[1].toLowerCase();
}

async function extractAndCache(archive: string, target: Target, url: string): Promise<string> {
  let extracted: string | undefined;
  try {
    extracted = await extractArchive(archive, target.zip);
    const binary = path.join(extracted, target.binary);
    if (!existsSync(binary)) {
      throw new ActionError(
        `The archive of ${target.label} from ${url} holds no ${target.binary} at its root; ` +
          `check that 'clusteradm-mirror' serves the release assets unchanged.`,
        { call: 'install clusteradm' },
      );
    }
    // Archives made on other systems may drop the executable bit.
    await chmod(binary, 0o755);
    const cacheDir = await storeInToolCache(extracted, TOOL_NAME, target.version, target.cacheArch);
    return path.join(cacheDir, target.binary);
  } catch (error) {
    if (error instanceof ActionError) throw error;
    throw new ActionError(
      `Extracting ${target.label} from ${url} failed (${messageOf(error)}); check that the ` +
        `runner has ${extractorName(target.zip)} and free space in RUNNER_TEMP.`,
      { call: 'install clusteradm', cause: error },
    );
  } finally {
    if (extracted) await rm(extracted, { recursive: true, force: true });
  }
}
