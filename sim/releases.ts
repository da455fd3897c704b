import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The fake clusteradm every launcher in the archives starts. */
export const SIM_CLUSTERADM_SCRIPT = fileURLToPath(new URL('./clusteradm.mjs', import.meta.url));

/** Every asset a clusteradm release publishes. */
export const RELEASE_ASSETS = [
  'clusteradm_linux_amd64.tar.gz',
  'clusteradm_linux_arm64.tar.gz',
  'clusteradm_darwin_amd64.tar.gz',
  'clusteradm_darwin_arm64.tar.gz',
  'clusteradm_windows_amd64.zip',
] as const;

/** Options of ReleaseSim. */
export interface ReleaseSimOptions {
  /** Versions to publish, without a leading `v`; default ['1.3.1']. */
  versions?: string[];
  /** When set, the GitHub API answers 401 unless `Authorization: Bearer <requireToken>`. */
  requireToken?: string;
}

/** One request the simulator received. */
export interface SimRequest {
  method: string;
  path: string;
  authorization?: string;
}

/**
 * Serves clusteradm release archives like GitHub's release downloads and the release-by-tag
 * endpoint of the GitHub API, on 127.0.0.1, with switches for the failures an installer meets.
 */
export class ReleaseSim {
  readonly requests: SimRequest[] = [];
  private readonly versions: string[];
  private readonly requireToken?: string;
  private readonly archives = new Map<string, Buffer>();
  private readonly faults = new Map<string, 'fail404' | 'truncate' | 'tamper'>();
  private digestsOmitted = false;
  private server?: http.Server;
  private workDir?: string;
  private baseUrl = '';

  constructor(options: ReleaseSimOptions = {}) {
    this.versions = options.versions ?? ['1.3.1'];
    this.requireToken = options.requireToken;
  }

  /** Builds the archives with the system's tar and zip, then listens on a free port. */
  async start(): Promise<this> {
    this.workDir = await mkdtemp(path.join(os.tmpdir(), 'ocm-release-sim-'));
    for (const version of this.versions) await this.buildVersion(version);

    this.server = http.createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    if (this.workDir) await rm(this.workDir, { recursive: true, force: true });
  }

  get url(): string {
    return this.baseUrl;
  }

  /** Value for the `clusteradm-mirror` input. */
  get mirrorUrl(): string {
    return `${this.baseUrl}/download`;
  }

  /** Value for GITHUB_API_URL. */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  /** Lowercase hex SHA-256 of the genuine archive, as the API publishes it. */
  digestOf(asset: string, version = this.versions[0]): string {
    return sha256(this.archive(version, asset));
  }

  /** The bytes a download of the asset yields when it is not tampered with. */
  archive(version: string, asset: string): Buffer {
    const bytes = this.archives.get(`${version}/${asset}`);
    if (!bytes) throw new Error(`ReleaseSim has no ${asset} for version ${version}`);
    return bytes;
  }

  /** The asset answers 404. */
  fail404(asset: string): void {
    this.faults.set(asset, 'fail404');
  }

  /** The asset sends its full Content-Length but only half the body, then closes. */
  truncate(asset: string): void {
    this.faults.set(asset, 'truncate');
  }

  /** The asset serves other bytes than the published digest describes. */
  tamper(asset: string): void {
    this.faults.set(asset, 'tamper');
  }

  /** The API lists assets with `digest: null`, as releases made before digests existed. */
  omitDigest(): void {
    this.digestsOmitted = true;
  }

  /** Clears all fault switches and the request log. */
  reset(): void {
    this.faults.clear();
    this.digestsOmitted = false;
    this.requests.length = 0;
  }

  /** How many logged requests have a path that matches. */
  count(pathPattern: RegExp): number {
    return this.requests.filter((request) => pathPattern.test(request.path)).length;
  }

  private async buildVersion(version: string): Promise<void> {
    const stage = path.join(this.workDir!, `stage-${version}`);
    await mkdir(stage, { recursive: true });
    await writeFile(path.join(stage, 'LICENSE'), 'Apache License 2.0 (simulated release)\n');
    // Escaped for a double-quoted sh word, so any node or checkout path survives.
    const quote = (value: string): string => `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
    const launcher =
      `#!/bin/sh\n# clusteradm v${version} (simulated)\n` +
      `FAKE_CLUSTERADM_ARGV0="$0" FAKE_CLUSTERADM_VERSION=${quote(version)} ` +
      `exec ${quote(process.execPath)} ${quote(SIM_CLUSTERADM_SCRIPT)} "$@"\n`;
    for (const name of ['clusteradm', 'clusteradm.exe']) {
      await writeFile(path.join(stage, name), launcher);
      await chmod(path.join(stage, name), 0o755);
    }

    for (const asset of RELEASE_ASSETS) {
      const file = path.join(this.workDir!, `${version}-${asset}`);
      if (asset.endsWith('.zip')) {
        await run('zip', ['-q', '-X', file, 'LICENSE', 'clusteradm.exe'], { cwd: stage });
      } else {
        await run('tar', ['-czf', file, '-C', stage, 'LICENSE', 'clusteradm']);
      }
      this.archives.set(`${version}/${asset}`, await readFile(file));
    }
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    this.requests.push({
      method: request.method ?? 'GET',
      path: pathname,
      authorization: request.headers.authorization,
    });

    const download = /^\/download\/v([^/]+)\/([^/]+)$/.exec(pathname);
    if (download) return this.serveAsset(download[1], download[2], response);
    const tag = /^\/api\/repos\/([^/]+\/[^/]+)\/releases\/tags\/v([^/]+)$/.exec(pathname);
    if (tag?.[1] === 'open-cluster-management-io/clusteradm') {
      return this.serveRelease(tag[2], request, response);
    }
    sendJson(response, 404, { message: 'Not Found' });
  }

  private serveAsset(version: string, asset: string, response: http.ServerResponse): void {
    const bytes = this.archives.get(`${version}/${asset}`);
    const fault = this.faults.get(asset);
    if (!bytes || fault === 'fail404') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }

    const body = fault === 'tamper' ? Buffer.concat([bytes, Buffer.from('tampered')]) : bytes;
    response.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(body.length),
    });
    if (fault === 'truncate') {
      response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.destroy());
      return;
    }
    response.end(body);
  }

  private serveRelease(
    version: string,
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): void {
    if (this.requireToken && request.headers.authorization !== `Bearer ${this.requireToken}`) {
      sendJson(response, 401, { message: 'Bad credentials' });
      return;
    }
    if (!this.versions.includes(version)) {
      sendJson(response, 404, { message: 'Not Found' });
      return;
    }
    sendJson(response, 200, {
      tag_name: `v${version}`,
      name: `v${version}`,
      assets: RELEASE_ASSETS.map((name) => ({
        name,
        browser_download_url: `${this.mirrorUrl}/v${version}/${name}`,
        size: this.archive(version, name).length,
        digest: this.digestsOmitted ? null : `sha256:${this.digestOf(name, version)}`,
      })),
    });
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
