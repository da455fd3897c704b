import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as core from '../core.js';
import { ActionError, messageOf } from '../errors.js';
import { isTransientStatus, withRetry } from '../retry.js';

// The runner's tool cache, in the layout every action shares: `<root>/<tool>/<version>/<arch>/`
// holds the files and the sibling `<arch>.complete` marks it whole. The marker is written last,
// so a directory left by an interrupted store is never taken for a finished one.

/** The tool cache root; the runner always sets RUNNER_TOOL_CACHE. */
export function toolCacheRoot(): string {
  const root = process.env.RUNNER_TOOL_CACHE ?? '';
  if (!root) {
    throw new ActionError(
      'RUNNER_TOOL_CACHE is not set, so there is no tool cache to install clusteradm into; run ' +
        'the action on a GitHub Actions runner or set RUNNER_TOOL_CACHE to a writable directory.',
      { call: 'install clusteradm' },
    );
  }
  return root;
}

function entryDir(tool: string, version: string, arch: string): string {
  return path.join(toolCacheRoot(), tool, version, arch);
}

/** The cached directory of the tool version and arch, or '' when no complete entry exists. */
export function findInToolCache(tool: string, version: string, arch: string): string {
  const dir = entryDir(tool, version, arch);
  return existsSync(dir) && existsSync(`${dir}.complete`) ? dir : '';
}

/**
 * Copies the contents of sourceDir into the cache entry, replacing any incomplete or older
 * entry, then writes the marker. Returns the entry's directory.
 */
export async function storeInToolCache(
  sourceDir: string,
  tool: string,
  version: string,
  arch: string,
): Promise<string> {
  const dir = entryDir(tool, version, arch);
  const marker = `${dir}.complete`;
  await rm(marker, { force: true });
  await rm(dir, { recursive: true, force: true });
  try {
    await mkdir(dir, { recursive: true });
    // A copy rather than a rename: RUNNER_TEMP and the tool cache may be on different volumes.
    await cp(sourceDir, dir, { recursive: true });
    await writeFile(marker, '');
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

/** Where downloads and extractions go; the runner empties RUNNER_TEMP after each job. */
async function tempPath(): Promise<string> {
  const root = process.env.RUNNER_TEMP || os.tmpdir();
  await mkdir(root, { recursive: true });
  return path.join(root, randomUUID());
}

/** A failed download: `status` is set when the server answered with an error status. */
export class DownloadError extends Error {
  readonly status?: number;
  readonly retryable: boolean;

  constructor(message: string, options: { status?: number; retryable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DownloadError';
    this.status = options.status;
    this.retryable = options.retryable;
  }
}

/** A downloaded file under RUNNER_TEMP and its SHA-256; the caller deletes the file. */
export interface Download {
  file: string;
  sha256: string;
}

/**
 * Downloads url to a new file under RUNNER_TEMP, hashing it on the way. Network failures,
 * truncated bodies and 5xx/429 answers are tried again, up to three attempts in all; other
 * statuses fail at once. Nothing is left behind when it fails.
 */
export async function downloadFile(url: string): Promise<Download> {
  return withRetry(
    async () => {
      const file = await tempPath();
      try {
        return { file, sha256: await downloadOnce(url, file) };
      } catch (error) {
        await rm(file, { force: true });
        throw error;
      }
    },
    {
      attempts: 3,
      retryable: (error) => error instanceof DownloadError && error.retryable,
      onRetry: (error, attempt) => core.debug(`Retry ${attempt} of ${url}: ${messageOf(error)}`),
    },
  );
}

async function downloadOnce(url: string, file: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { 'User-Agent': 'ocm-eks-join' } });
  } catch (error) {
    // fetch wraps every connection failure in "fetch failed"; the cause says which one.
    const cause = (error as { cause?: unknown }).cause;
    throw new DownloadError(messageOf(cause ?? error), { retryable: true, cause: error });
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    throw new DownloadError(`HTTP ${status}`, { status, retryable: isTransientStatus(status) });
  }

  // With a content-encoding the length counts encoded bytes, which fetch has already decoded.
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  const length = encoded ? NaN : Number(response.headers.get('content-length') ?? NaN);
  const hash = createHash('sha256');
  let received = 0;
  const reader = response.body.getReader();
  const handle = await open(file, 'w');
  try {
    for (;;) {
      const chunk = await reader.read().catch((error: unknown) => {
        throw new DownloadError('aborted', { retryable: true, cause: error });
      });
      if (chunk.done) break;
      hash.update(chunk.value);
      received += chunk.value.length;
      await handle.write(chunk.value);
    }
  } finally {
    await handle.close();
    // Frees the connection when writing the file failed before the body was read to its end.
    await reader.cancel().catch(() => undefined);
  }
  if (Number.isFinite(length) && received < length) {
    throw new DownloadError('aborted', { retryable: true });
  }
  return hash.digest('hex');
}

/**
 * Extracts the archive into a new directory under RUNNER_TEMP with the host's own tools and
 * returns that directory, which the caller deletes.
 */
export async function extractArchive(archive: string, zip: boolean): Promise<string> {
  const dir = await tempPath();
  await mkdir(dir, { recursive: true });
  try {
    if (process.platform === 'win32') {
      // Windows' own bsdtar reads zip as well; naming it avoids a GNU tar from Git earlier on
      // PATH, which reads neither zip nor drive-letter paths.
      const systemRoot = process.env.SystemRoot || 'C:\\Windows';
      const tar = path.join(systemRoot, 'System32', 'tar.exe');
      await run(tar, [zip ? '-xf' : '-xzf', archive, '-C', dir]);
    } else if (zip) {
      await run('unzip', ['-o', '-q', archive, '-d', dir]);
    } else {
      await run('tar', ['-xzf', archive, '-C', dir]);
    }
    return dir;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The tool extractArchive uses on this host, for messages. */
export function extractorName(zip: boolean): string {
  return zip && process.platform !== 'win32' ? 'unzip' : 'tar';
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    let stderr = '';
    // Only the end matters for the message; keeping it short bounds memory on a noisy tool.
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      const last = stderr.trim().split('\n').pop()?.trim();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(new Error(`${path.basename(command)} ${how}${last ? `: ${last}` : ''}`));
    });
  });
}
