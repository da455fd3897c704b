// Plays a workflow's jobs against the local fleet: each step runs the built action in its own
// process, as the runner does, and must end the way the demo says it will.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { type ActionRun, ROOT, type Runner, newRunner, runAction } from '../sim/action-runner.js';
import type { Fleet } from '../sim/fleet.js';
import { block, describeRun, stepHeader } from './print.js';

/** One job of the workflow: the account it works in and a runner kept across its steps. */
export interface Job {
  name: string;
  account: string;
  runner: Runner;
}

/** What a step must end with; `errors` defaults to one annotation on failure, none otherwise. */
export interface Expectation {
  code?: number;
  changed?: boolean;
  drift?: boolean;
  errors?: number;
  /** Something the job summary must show, such as the row that names the drift. */
  summary?: RegExp;
}

/** A step that did not end as expected; the demo stops there. */
export class UnexpectedResult extends Error {}

export class Workflow {
  steps = 0;
  private readonly runners: Runner[] = [];

  constructor(
    readonly fleet: Fleet,
    private readonly out: (line: string) => void,
  ) {}

  /** A new job on a fresh runner: its steps share a workspace, temp and tool cache. */
  async job(name: string, account: string): Promise<Job> {
    const runner = await newRunner();
    this.runners.push(runner);
    return { name, account, runner };
  }

  /** Deletes the runners' directories, as a hosted runner is discarded after its job. */
  async cleanup(): Promise<void> {
    await Promise.all(
      this.runners.map((runner) => rm(dirname(runner.workspace), { recursive: true, force: true })),
    );
  }

  say(text: string): void {
    this.out('');
    for (const line of text.split('\n')) this.out(`>> ${line}`);
  }

  /** Runs one step of `job`, prints what it did, and checks it against `expect`. */
  async step(
    job: Job,
    title: string,
    inputs: Record<string, string>,
    expect: Expectation = {},
  ): Promise<ActionRun> {
    const mode = inputs.mode;
    // Each step works under the documented least-privilege policy of its mode, and no more.
    const policy = JSON.parse(readFileSync(join(ROOT, 'permissions', `${mode}.json`), 'utf8'));
    this.fleet.aws.setPrincipalPolicy(this.fleet.roleFor(job.account), policy);
    const started = Date.now();
    const run = await runAction(
      {
        'role-to-assume': this.fleet.roleFor(job.account),
        ...this.fleet.commonInputs(),
        ...inputs,
      },
      { env: this.fleet.jobEnv(), runner: job.runner },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(2);
    const problems = check(run, expect);
    this.steps += 1;

    const verdict = `${problems.length ? 'UNEXPECTED' : run.code === 0 ? 'ok' : 'failed, as expected'} ${seconds} s`;
    this.out('');
    this.out(stepHeader(job.name, title, verdict));
    for (const line of describeRun(run, job.runner)) this.out(line);
    if (problems.length) {
      const stderr = run.stderr.trim().split('\n').slice(-10);
      for (const line of block('stderr', stderr[0] ? stderr : [])) this.out(line);
      throw new UnexpectedResult(`job ${job.name} / step ${title}: ${problems.join('; ')}`);
    }
    return run;
  }
}

function check(run: ActionRun, expect: Expectation): string[] {
  const problems: string[] = [];
  const code = expect.code ?? 0;
  if (run.code !== code) problems.push(`exit code ${run.code}, expected ${code}`);
  const errors = expect.errors ?? (code === 0 ? 0 : 1);
  if (run.errors.length !== errors) {
    problems.push(`${run.errors.length} error annotation(s), expected ${errors}`);
  }
  for (const name of ['changed', 'drift'] as const) {
    const wanted = expect[name];
    if (wanted !== undefined && run.outputs[name] !== String(wanted)) {
      problems.push(`${name}=${run.outputs[name] ?? '(unset)'}, expected ${name}=${wanted}`);
    }
  }
  if (expect.summary && !expect.summary.test(run.summary)) {
    problems.push(`the summary does not match ${expect.summary}`);
  }
  return problems;
}
