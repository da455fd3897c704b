// Wall time of the cluster modes, with clusteradm's own share taken out, and the cost of
// installing clusteradm into a cold tool cache compared with finding it in a warm one.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { type ActionRun, type Runner, newRunner, runAction } from '../sim/action-runner.js';
import type { Fleet, FleetCluster } from '../sim/fleet.js';
import { type Table, median, ms, removeRunners, timed } from './stats.js';

const PASSPHRASE = 'correct horse battery staple';
const CLUSTERADM = join('clusteradm', '1.3.1', process.arch === 'arm64' ? 'arm64' : 'x64');

interface Sample {
  wall: number;
  clusteradm: number;
  calls: number;
}

export class ModeBench {
  private readonly runners: Runner[] = [];
  private hub?: ActionRun;
  private timesLog = '';

  constructor(
    private readonly fleet: Fleet,
    private readonly spoke: FleetCluster,
  ) {}

  private async runner(): Promise<Runner> {
    const runner = await newRunner();
    this.runners.push(runner);
    return runner;
  }

  private inputs(mode: string): Record<string, string> {
    const { fleet, spoke } = this;
    const spokeSide = {
      'aws-region': spoke.region,
      'hub-cluster-arn': fleet.hub.arn,
      'spoke-cluster-name': spoke.name,
    };
    if (mode === 'hub-init')
      return { 'hub-cluster-arn': fleet.hub.arn, 'token-passphrase': PASSPHRASE };
    if (mode === 'accept')
      return { 'hub-cluster-arn': fleet.hub.arn, 'managed-cluster-name': spoke.name };
    if (mode === 'spoke-prepare') return spokeSide;
    return {
      ...spokeSide,
      'hub-apiserver': this.hub?.outputs['hub-apiserver'] ?? '',
      'hub-token-sealed': this.hub?.outputs['hub-token-sealed'] ?? '',
      'token-passphrase': PASSPHRASE,
    };
  }

  /** One run of `mode`; it must succeed. */
  async run(mode: string, runner?: Runner): Promise<{ ms: number; value: ActionRun }> {
    const account = mode.startsWith('spoke') ? this.spoke.account : this.fleet.hub.account;
    const job = runner ?? (await this.runner());
    const result = await timed(() =>
      runAction(
        {
          mode,
          'role-to-assume': this.fleet.roleFor(account),
          ...this.fleet.commonInputs(),
          ...this.inputs(mode),
        },
        { env: this.fleet.jobEnv(), runner: job },
      ),
    );
    if (result.value.code !== 0) {
      const why = result.value.errors.join('; ') || result.value.stderr.trim().split('\n').at(-1);
      throw new Error(`${mode} failed (exit ${result.value.code}): ${why}`);
    }
    if (mode === 'hub-init') this.hub = result.value;
    return result;
  }

  /** Joins the spoke from scratch once, so that the cluster modes have something to work on. */
  async setUp(): Promise<void> {
    for (const mode of ['hub-init', 'spoke-prepare', 'spoke-join', 'accept']) await this.run(mode);
  }

  /** Cold: a fresh tool cache per run; warm: one runner whose cache already holds clusteradm. */
  async install(table: Table, runs = 5): Promise<void> {
    const cold: number[] = [];
    for (let i = 0; i < runs; i++) cold.push((await this.run('accept')).ms);
    const runner = await this.runner();
    await this.run('accept', runner);
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push((await this.run('accept', runner)).ms);
    table.row('accept, cold tool cache', ms(median(cold)), 'download, verify, extract, cache');
    table.row('accept, warm tool cache', ms(median(warm)), 'found in the tool cache');
    table.row('clusteradm install', ms(median(cold) - median(warm)), 'cold minus warm');
  }

  /**
   * A runner whose cached clusteradm is wrapped by a script that logs the start and end of every
   * invocation, so that clusteradm's own time can be taken out of a mode's wall time.
   */
  private async timingRunner(): Promise<Runner> {
    const runner = await this.runner();
    await this.run('accept', runner);
    const binary = join(runner.toolCache, CLUSTERADM, 'clusteradm');
    this.timesLog = join(runner.runnerTemp, 'clusteradm-times.log');
    await rename(binary, `${binary}.real`);
    const wrapper =
      '#!/bin/sh\nstart=$(date +%s%N)\n"$0.real" "$@"\ncode=$?\n' +
      `echo "$start $(date +%s%N)" >> '${this.timesLog}'\nexit $code\n`;
    await writeFile(binary, wrapper, { mode: 0o755 });
    return runner;
  }

  private async sample(mode: string, runner: Runner): Promise<Sample> {
    await writeFile(this.timesLog, '');
    const { ms: wall } = await this.run(mode, runner);
    const spans = (await readFile(this.timesLog, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ').map(Number))
      .map(([start, end]) => (end - start) / 1e6);
    return { wall, clusteradm: spans.reduce((sum, span) => sum + span, 0), calls: spans.length };
  }

  /** Median wall time of `mode`, after `reset` undoes its work when it is given. */
  async modeTimes(table: Table, runs = 5): Promise<void> {
    const runner = await this.timingRunner();
    const { fleet, spoke } = this;
    const cases: Array<[string, string, (() => void) | undefined]> = [
      ['hub-init', 'in sync', undefined],
      ['spoke-join', 'in sync', undefined],
      ['accept', 'in sync', undefined],
      ['hub-init', 'from scratch', () => removeClusterManager(fleet)],
      ['spoke-join', 'from scratch', () => removeKlusterlet(fleet, spoke)],
    ];
    for (const [mode, state, reset] of cases) {
      const samples: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        reset?.();
        samples.push(await this.sample(mode, runner));
      }
      const wall = median(samples.map((s) => s.wall));
      const own = median(samples.map((s) => s.wall - s.clusteradm));
      const calls = median(samples.map((s) => s.calls));
      table.row(
        `${mode}, ${state}`,
        ms(wall),
        `${ms(own)} without clusteradm (${calls} call(s), ${ms(wall - own)})`,
      );
    }
  }

  async close(): Promise<void> {
    await removeRunners(this.runners);
  }
}

function removeClusterManager(fleet: Fleet): void {
  fleet.hubApi.remove(
    'operator.open-cluster-management.io/v1',
    'clustermanagers',
    'cluster-manager',
  );
}

function removeKlusterlet(fleet: Fleet, spoke: FleetCluster): void {
  fleet
    .spokeApi(spoke.name)
    .remove('operator.open-cluster-management.io/v1', 'klusterlets', 'klusterlet');
}
