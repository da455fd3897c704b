// Small helpers the benchmark shares: timing a child process, medians, and an aligned table.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { Runner } from '../sim/action-runner.js';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time of `work`, in milliseconds, with what it returned. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

/** Wall time of one `node <args>` process, from spawn to exit. */
export async function timeNode(args: string[]): Promise<number> {
  const { ms } = await timed(
    () =>
      new Promise<void>((done, fail) => {
        const child = spawn(process.execPath, args, { stdio: 'ignore' });
        child.on('error', fail);
        child.on('close', () => done());
      }),
  );
  return ms;
}

export const ms = (value: number): string => `${Math.round(value)} ms`;
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

/** Deletes the directories newRunner made, so that a benchmark leaves nothing behind. */
export async function removeRunners(runners: Runner[]): Promise<void> {
  await Promise.all(
    runners.map((runner) => rm(dirname(runner.workspace), { recursive: true, force: true })),
  );
}

/** Rows of measure, value and note, printed with aligned columns under a section title. */
export class Table {
  private readonly rows: Array<[string, string, string] | string> = [];

  section(title: string): void {
    this.rows.push(title);
    // The benchmark takes a while: say on stderr what it is measuring now.
    process.stderr.write(`measuring: ${title.toLowerCase()}\n`);
  }

  row(measure: string, value: string, note = ''): void {
    this.rows.push([measure, value, note]);
  }

  print(out: (line: string) => void = console.log): void {
    const cells = this.rows.filter((row): row is [string, string, string] => Array.isArray(row));
    const first = Math.max(...cells.map(([measure]) => measure.length));
    const second = Math.max(...cells.map(([, value]) => value.length));
    for (const row of this.rows) {
      if (typeof row === 'string') {
        out('');
        out(row);
      } else {
        const [measure, value, note] = row;
        out(`  ${measure.padEnd(first)}  ${value.padStart(second)}  ${note}`.trimEnd());
      }
    }
  }
}
