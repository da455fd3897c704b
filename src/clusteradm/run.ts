import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as core from '../core.js';
import { ActionError } from '../errors.js';

/** One clusteradm invocation. */
export interface RunClusteradmOptions {
  /** Path of the clusteradm binary. */
  binary: string;
  /** Arguments, passed as an array and never through a shell. */
  args: string[];
  /** Kubeconfig of the target cluster, handed to clusteradm as KUBECONFIG. */
  kubeconfig: string;
  /** Title of the log group that shows the output. */
  title: string;
  /** Values replaced by `***` wherever the output, the command line or an error shows them. */
  secrets?: string[];
  /**
   * Finds secrets in the captured stdout (such as the token in init's join line); they are
   * masked with core.setSecret and redacted before any output is printed.
   */
  discoverSecrets?: (stdout: string) => string[];
  /** Extra environment on top of process.env and KUBECONFIG. */
  env?: Record<string, string>;
  /** Stops clusteradm after this long, should its own --timeout not end it. */
  timeoutSeconds?: number;
}

/** Output of a successful run, unredacted so that callers can parse it. */
export interface ClusteradmResult {
  stdout: string;
  stderr: string;
}

/** A clusteradm run that did not exit 0; the message holds its own error lines, redacted. */
export class ClusteradmError extends ActionError {
  /** Exit code, or null when the process was killed by a signal or never started. */
  readonly exitCode: number | null;
  /** Redacted output, for callers that react to a specific failure. */
  readonly stdout: string;
  readonly stderr: string;

  constructor(
    message: string,
    details: { call: string; exitCode: number | null; stdout?: string; stderr?: string },
    cause?: unknown,
  ) {
    super(message, { call: details.call, cause });
    this.name = 'ClusteradmError';
    this.exitCode = details.exitCode;
    this.stdout = details.stdout ?? '';
    this.stderr = details.stderr ?? '';
  }
}

/**
 * Runs clusteradm against the cluster of `kubeconfig`, shows its output in a log group once it
 * exits, and throws a ClusteradmError naming the command's own error lines when it fails.
 */
export async function runClusteradm(options: RunClusteradmOptions): Promise<ClusteradmResult> {
  const call = `clusteradm ${subcommandOf(options.args)}`.trimEnd();
  const secrets = [...(options.secrets ?? [])];
  const commandLine = formatCommandLine(options.binary, options.args, secrets);
  core.debug(`Running ${commandLine} with KUBECONFIG=${options.kubeconfig}`);

  const outcome = await spawnCaptured(options);

  // Masking must precede the first printed line, or the runner would show the token once.
  for (const secret of options.discoverSecrets?.(outcome.stdout) ?? []) {
    if (secret && !secrets.includes(secret)) {
      core.setSecret(secret);
      secrets.push(secret);
    }
  }

  core.startGroup(options.title);
  try {
    core.info(`[command]${formatCommandLine(options.binary, options.args, secrets)}`);
    const shown = redact(outcome.combined, secrets).replace(/\n$/, '');
    // clusteradm's text is shown, never obeyed: a line starting with '::' stays plain text.
    const guard = randomUUID();
    if (shown) core.info(`::stop-commands::${guard}\n${shown}\n::${guard}::`);
  } finally {
    core.endGroup();
  }

  const stdout = redact(outcome.stdout, secrets);
  const stderr = redact(outcome.stderr, secrets);
  if (outcome.startError) {
    const { code, message } = outcome.startError as NodeJS.ErrnoException;
    const problem = code === 'ENOENT' ? `${options.binary} was not found` : message;
    // spawn's own error lists every argument, the token included, so only its code is kept.
    const cause = Object.assign(new Error(redact(message, secrets)), { code });
    throw new ClusteradmError(
      `${call} could not be started (${redact(problem, secrets)}); check that clusteradm is ` +
        `installed and executable on this runner.`,
      { call, exitCode: null },
      cause,
    );
  }
  if (outcome.timedOut) {
    throw new ClusteradmError(
      `${call} did not finish within ${options.timeoutSeconds} s and was stopped: ${errorLines(stderr, stdout)}; raise 'wait-timeout-seconds' or check the cluster.`,
      { call, exitCode: null, stdout, stderr },
    );
  }
  if (outcome.signal) {
    throw new ClusteradmError(
      `${call} was terminated by ${outcome.signal}: ${errorLines(stderr, stdout)}`,
      { call, exitCode: null, stdout, stderr },
    );
  }
  if (outcome.code !== 0) {
    throw new ClusteradmError(
      `${call} failed (exit ${outcome.code}): ${errorLines(stderr, stdout)}`,
      { call, exitCode: outcome.code, stdout, stderr },
    );
  }
  return { stdout: outcome.stdout, stderr: outcome.stderr };
}

interface Outcome {
  stdout: string;
  stderr: string;
  /** Both streams in the order they arrived, for the log group. */
  combined: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  startError?: Error;
  timedOut?: boolean;
}

function spawnCaptured(options: RunClusteradmOptions): Promise<Outcome> {
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const combined: Buffer[] = [];
    let settled = false;
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (rest: Pick<Outcome, 'code' | 'signal' | 'startError'>): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        combined: Buffer.concat(combined).toString('utf8'),
        ...rest,
        timedOut,
      });
    };

    const child = spawn(options.binary, options.args, {
      env: { ...process.env, KUBECONFIG: options.kubeconfig, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
      windowsHide: true,
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      combined.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      combined.push(chunk);
    });
    if (options.timeoutSeconds) {
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, options.timeoutSeconds * 1000);
    }
    child.on('error', (error) => finish({ code: null, signal: null, startError: error }));
    child.on('close', (code, signal) => finish({ code, signal }));
  });
}

/** `init`, `get token`, `accept`: the words before the first flag. */
function subcommandOf(args: string[]): string {
  const words: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-') || words.length === 2) break;
    words.push(arg);
  }
  return words.join(' ');
}

/** The command line for the log, with the value of --hub-token and every secret as `***`. */
function formatCommandLine(binary: string, args: string[], secrets: string[]): string {
  const shown = args.map((arg, index) => {
    if (args[index - 1] === '--hub-token') return '***';
    if (arg.startsWith('--hub-token=')) return '--hub-token=***';
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : JSON.stringify(arg);
  });
  return redact([binary, ...shown].join(' '), secrets);
}

/** Replaces every secret, longest first, and any token that follows --hub-token. */
function redact(text: string, secrets: string[]): string {
  let result = text;
  for (const secret of [...secrets].filter(Boolean).sort((a, b) => b.length - a.length)) {
    result = result.split(secret).join('***');
  }
  return result.replace(/(--hub-token[ =]+)(?!\*\*\*)\S+/g, '$1***');
}

/** The command's own error lines: cobra's `Error:` lines or klog's E-lines, else the tail. */
function errorLines(stderr: string, stdout: string): string {
  // clusteradm colours some messages; escape sequences would end up in the annotation.
  const lines = (text: string): string[] =>
    text
      .replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
  const errLines = lines(stderr);
  // A Go panic ends with its stack; the panic line itself says what went wrong.
  const flagged = errLines.filter((line) => /^(error\b|panic:|E\d{4} )/i.test(line));
  const chosen = flagged.length > 0 ? flagged : errLines.length > 0 ? errLines : lines(stdout);
  const text = chosen.slice(-3).join(' ');
  if (!text) return 'no output';
  return text.length > 1000 ? `${text.slice(0, 1000)}...` : text;
}
