// Parsers of clusteradm's output: what the action reads back from the commands it runs.
import { ActionError } from '../errors.js';

/**
 * Reads the token and API server from the indented `<argv0> join --hub-token <T>
 * --hub-apiserver <URL> ...` line that `clusteradm init` prints last.
 */
export function parseInitOutput(stdout: string): { token?: string; apiserver?: string } {
  const joinLine = stdout
    .split(/\r?\n/)
    .reverse()
    .find((line) => /^\s+\S+\s+join\s/.test(line) && line.includes('--hub-token'));
  if (!joinLine) return {};
  const token = flagValue(joinLine, '--hub-token');
  return { token, apiserver: flagValue(joinLine, '--hub-apiserver') };
}

/** Reads `clusteradm get token -o json`; its error never quotes stdout, which holds the token. */
export function parseGetToken(stdout: string): { token: string; apiserver: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout.slice(stdout.indexOf('{'), stdout.lastIndexOf('}') + 1));
  } catch {
    // The parser's own message quotes the input, so it is not kept as the cause.
  }
  const record = (parsed ?? {}) as Record<string, unknown>;
  const token = record['hub-token'];
  const apiserver = record['hub-apiserver'];
  if (typeof token !== 'string' || !token || typeof apiserver !== 'string' || !apiserver) {
    throw new ActionError(
      'clusteradm get token -o json printed no JSON object with hub-token and hub-apiserver; ' +
        'check that the hub is initialized (mode hub-init) and clusteradm is 1.0.0 or later.',
      { call: 'clusteradm get token' },
    );
  }
  return { token, apiserver };
}

function flagValue(line: string, flag: string): string | undefined {
  const words = line.trim().split(/\s+/);
  const index = words.indexOf(flag);
  if (index >= 0) return words[index + 1] || undefined;
  const inline = words.find((word) => word.startsWith(`${flag}=`));
  return inline ? inline.slice(flag.length + 1) || undefined : undefined;
}
