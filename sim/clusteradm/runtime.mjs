// Process-level helpers of the fake clusteradm: its error type, its own path as printed in the
// next-step hints, and the crash hook that imitates a Go panic mid-command.

import path from 'node:path';

/** A failure printed as `Error: <message>`, exit code 1, like cobra does. */
export class CliError extends Error {}

export function say(line = '') {
  process.stdout.write(`${line}\n`);
}

export function warn(line) {
  process.stderr.write(`${line}\n`);
}

/** The path printed in hints, as Go prints os.Args[0]; a wrapper may name itself instead. */
export function argv0() {
  return process.env.FAKE_CLUSTERADM_ARGV0 || path.resolve(process.argv[1]);
}

/** Panics like a Go binary when FAKE_CLUSTERADM_CRASH names the running subcommand. */
export function crashPoint(command) {
  const wanted = (process.env.FAKE_CLUSTERADM_CRASH ?? '').trim();
  if (!wanted || (wanted !== command && !`${command} `.startsWith(`${wanted} `))) return;
  const fn = command.replace(/ /g, '');
  warn('panic: runtime error: invalid memory address or nil pointer dereference');
  warn('[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x1f8c2a4]');
  warn('');
  warn('goroutine 1 [running]:');
  warn(`open-cluster-management.io/clusteradm/pkg/cmd/${fn}.(*Options).run(0xc0004a2000)`);
  warn(`\t/home/runner/work/clusteradm/clusteradm/pkg/cmd/${fn}/exec.go:187 +0x2a4`);
  warn('github.com/spf13/cobra.(*Command).execute(0xc000186c08, {0xc0003d8e00, 0x8, 0x8})');
  warn('\t/home/runner/go/pkg/mod/github.com/spf13/cobra@v1.8.1/command.go:985 +0xaaa');
  process.exit(2);
}

/** Polls `probe` until it returns a value other than undefined; 5xx and 429 are retried. */
export async function waitFor(what, timeoutSeconds, probe) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      const status = error?.status ?? 0;
      if (status !== 429 && status < 500) throw error;
    }
    if (Date.now() >= deadline) {
      throw new CliError(`timed out waiting for the condition: ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
