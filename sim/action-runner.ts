// Runs the built action as a GitHub runner would, for the tests, the demo and the benchmark.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const made: string[] = [];

/** A directory that lives as long as this process: runs leave nothing behind in /tmp. */
async function temporaryDirectory(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  if (made.length === 0) {
    process.once('exit', () => {
      for (const path of made) rmSync(path, { recursive: true, force: true });
    });
  }
  made.push(dir);
  return dir;
}

export const ROOT = resolve(import.meta.dirname, '..');
export const ACTION = join(ROOT, 'dist', 'index.js');

/** What one run of the built action left behind, as a workflow would see it. */
export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error::` annotations, decoded. */
  errors: string[];
  /** Values the action asked the runner to mask. */
  masks: string[];
  /** State saved for the post step (GITHUB_STATE), which the runner passes as STATE_<name>. */
  state: Record<string, string>;
  workspace: string;
  runnerTemp: string;
}

/** A runner's directories for one job: workspace, temp and tool cache stay between its steps. */
export interface Runner {
  workspace: string;
  runnerTemp: string;
  toolCache: string;
}

export async function newRunner(toolCache?: string): Promise<Runner> {
  const base = await temporaryDirectory('ocm-eks-join-runner-');
  const { mkdir } = await import('node:fs/promises');
  const dirs = {
    workspace: join(base, 'work'),
    runnerTemp: join(base, 'temp'),
    toolCache: toolCache ?? join(base, 'tool-cache'),
  };
  for (const dir of Object.values(dirs)) await mkdir(dir, { recursive: true });
  return dirs;
}

/** Decodes the value escaping that workflow commands use. */
function unescape(value: string): string {
  return value
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

/** Reads a GITHUB_OUTPUT file: `name<<DELIMITER`, value lines, `DELIMITER`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      outputs[heredoc[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return outputs;
}

/**
 * Runs dist/index.js as the runner does: inputs as INPUT_<NAME> (upper case, hyphens kept),
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP and RUNNER_TOOL_CACHE, and no
 * environment from the test process beyond PATH and HOME.
 */
export async function runAction(
  inputs: Record<string, string>,
  options: {
    env?: Record<string, string>;
    runner?: Runner;
    timeoutMs?: number;
    script?: string;
    /** Called with the started process, e.g. to cancel it as the runner would. */
    onSpawn?: (child: ChildProcess) => void;
  } = {},
): Promise<ActionRun> {
  const runner = options.runner ?? (await newRunner());
  const files = await temporaryDirectory('ocm-eks-join-files-');
  const outputFile = join(files, 'output');
  const summaryFile = join(files, 'summary');
  const stateFile = join(files, 'state');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  await writeFile(stateFile, '');

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: stateFile,
    GITHUB_WORKSPACE: runner.workspace,
    RUNNER_TEMP: runner.runnerTemp,
    RUNNER_TOOL_CACHE: runner.toolCache,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64',
    OCM_EKS_JOIN_RETRY_BASE_MS: '0',
    OCM_EKS_JOIN_POLL_MS: '50',
    AWS_EC2_METADATA_DISABLED: 'true',
    // Local runs may use Node 20; the SDK's notice about its future Node 22 floor is noise here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const child = spawn(process.execPath, [options.script ?? ACTION], {
    cwd: runner.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const code = await new Promise<number>((done) => child.on('close', (exit) => done(exit ?? -1)));
  clearTimeout(timer);

  const errors = [...stdout.matchAll(/^::error(?: [^:]*)?::(.*)$/gm)].map((match) =>
    unescape(match[1]),
  );
  const masks = [...stdout.matchAll(/^::add-mask::(.*)$/gm)].map((match) => unescape(match[1]));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    errors,
    masks,
    state: parseOutputFile(await readFile(stateFile, 'utf8')),
    workspace: runner.workspace,
    runnerTemp: runner.runnerTemp,
  };
}

/** The environment in which the runner starts a post step: each saved state as STATE_<name>. */
export function postEnv(state: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]));
}

/** Every file under a directory, with its content, for secret scans. */
export async function filesUnder(dir: string): Promise<Array<{ path: string; text: string }>> {
  const found: Array<{ path: string; text: string }> = [];
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current)) {
      const path = join(current, entry);
      const info = await stat(path);
      if (info.isDirectory()) await walk(path);
      else if (info.size < 5_000_000) found.push({ path, text: await readFile(path, 'latin1') });
    }
  };
  await walk(dir);
  return found;
}
