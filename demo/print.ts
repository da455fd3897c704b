// Turns one run of the action into a few aligned lines: what it logged, its outputs, its summary.
import type { ActionRun, Runner } from '../sim/action-runner.js';

const WIDTH = 100;
const LABEL = 10;
const MAX_LOG_LINES = 6;

/** Outputs that only repeat what a line of the log already says, or that hold a secret. */
const HIDDEN_OUTPUTS = new Set(['hub-token', 'changed', 'drift']);

/** `── job <job> / step <title> ───── ok 0.31 s`, padded to the page width. */
export function stepHeader(job: string, title: string, verdict: string): string {
  const left = `── job ${job} / step ${title} `;
  const right = ` ${verdict}`;
  return left + '─'.repeat(Math.max(3, WIDTH - left.length - right.length)) + right;
}

/** A label in the margin, then the lines; nothing when there are none. */
export function block(label: string, lines: string[]): string[] {
  return lines.map((line, i) => `   ${(i === 0 ? label : '').padEnd(LABEL)}${line}`);
}

/** Shows where the runner's directories are rather than the random temporary paths. */
export function withRunnerNames(text: string, runner: Runner): string {
  return text
    .split(runner.toolCache)
    .join('$RUNNER_TOOL_CACHE')
    .split(runner.runnerTemp)
    .join('$RUNNER_TEMP');
}

/**
 * The lines a reader of the job log would look at: plain `core.info` lines, without workflow
 * commands, clusteradm's own output (inside a group), or the plan table that the summary shows.
 */
export function keyLogLines(stdout: string): string[] {
  const lines: string[] = [];
  let inGroup = false;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('::group::')) inGroup = true;
    else if (line.startsWith('::endgroup::')) inGroup = false;
    if (inGroup || !line.trim() || line.startsWith('::') || line.startsWith('[command]')) continue;
    if (/^\s/.test(line) || line.endsWith(':') || /^ocm-eks-join /.test(line)) continue;
    if (/^(Assumed|Wrote kubeconfig|clusteradm \S+ at )/.test(line)) continue;
    lines.push(line.length > WIDTH - 3 - LABEL ? `${line.slice(0, WIDTH - 4 - LABEL)}…` : line);
  }
  return lines.length > MAX_LOG_LINES
    ? [...lines.slice(0, MAX_LOG_LINES - 1), `… ${lines.length - MAX_LOG_LINES + 1} more`]
    : lines;
}

function shortSealed(value: string): string {
  return `${value.slice(0, 24)}… (${value.length} characters)`;
}

/** `changed=… drift=…` first, then the other outputs aligned; never the clear token. */
export function outputLines(outputs: Record<string, string>): string[] {
  const flags = ['changed', 'drift']
    .filter((name) => name in outputs)
    .map((name) => `${name}=${outputs[name]}`)
    .join('  ');
  const rest = Object.entries(outputs).filter(([name]) => !HIDDEN_OUTPUTS.has(name));
  const width = Math.max(0, ...rest.map(([name]) => name.length)) + 2;
  return [
    ...(flags ? [flags] : []),
    ...rest.map(
      ([name, value]) =>
        `${name.padEnd(width)}${name === 'hub-token-sealed' ? shortSealed(value) : value}`,
    ),
  ];
}

/** The job summary Markdown as it was written, without its blank lines. */
export function summaryLines(summary: string): string[] {
  return summary.split('\n').filter((line) => line.trim() !== '');
}

/** Everything printed under a step's header. */
export function describeRun(run: ActionRun, runner: Runner): string[] {
  const named = (lines: string[]) => lines.map((line) => withRunnerNames(line, runner));
  return [
    ...block('log', named(keyLogLines(run.stdout))),
    ...block('error', run.errors),
    ...block('outputs', named(outputLines(run.outputs))),
    ...block('summary', named(summaryLines(run.summary))),
  ];
}
