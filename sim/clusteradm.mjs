#!/usr/bin/env node
// A stand-in for the `clusteradm` CLI that drives the simulated clusters of sim/kube-api.ts with
// the flags, outputs and failure modes the action relies on.

import { appendFileSync } from 'node:fs';

import { KubeClient } from './clusteradm/client.mjs';
import { parseFlags, requireFlags, splitCommand } from './clusteradm/flags.mjs';
import * as hubCommands from './clusteradm/hub.mjs';
import { kubeconfigPath, loadKubeconfig } from './clusteradm/kubeconfig.mjs';
import { CliError, crashPoint, say } from './clusteradm/runtime.mjs';
import * as spokeCommands from './clusteradm/spoke.mjs';

const VERSION = (process.env.FAKE_CLUSTERADM_VERSION || '1.3.1').replace(/^v/, '');

const COMMANDS = {
  version: { flags: {}, required: [], run: () => printVersion() },
  init: { flags: hubCommands.INIT_FLAGS, required: [], run: hubCommands.init },
  'get token': { flags: hubCommands.GET_TOKEN_FLAGS, required: [], run: hubCommands.getToken },
  accept: { flags: hubCommands.ACCEPT_FLAGS, required: ['clusters'], run: hubCommands.accept },
  clean: { flags: hubCommands.CLEAN_FLAGS, required: [], run: hubCommands.clean },
  join: {
    flags: spokeCommands.JOIN_FLAGS,
    required: ['hub-token', 'hub-apiserver', 'cluster-name'],
    run: spokeCommands.join,
  },
  unjoin: {
    flags: spokeCommands.UNJOIN_FLAGS,
    required: ['cluster-name'],
    run: spokeCommands.unjoin,
  },
};

function printVersion() {
  say(`clusteradm\tversion\t:v${VERSION}`);
  crashPoint('version');
  say(`default bundle\tversion\t:${VERSION}`);
}

// One line per invocation, written on exit so crashes and failures are recorded too.
function logInvocation(argv) {
  const file = process.env.FAKE_CLUSTERADM_LOG;
  if (!file) return;
  const redacted = argv.map((arg, i) => {
    if (argv[i - 1] === '--hub-token') return '<redacted>';
    return arg.startsWith('--hub-token=') ? '--hub-token=<redacted>' : arg;
  });
  process.on('exit', (code) => {
    const entry = { argv: redacted, kubeconfig: process.env.KUBECONFIG ?? null, exitCode: code };
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
  });
}

async function main(argv) {
  logInvocation(argv);
  const { command, rest } = splitCommand(argv, Object.keys(COMMANDS));
  const definition = COMMANDS[command];
  if (!definition) {
    const hint = command === 'get' ? 'clusteradm get' : 'clusteradm';
    const word = rest.find((a) => !a.startsWith('-')) ?? '';
    throw new CliError(`unknown command "${word}" for "${hint}"`);
  }
  const parsed = parseFlags(rest, definition.flags);
  if (parsed.values.help) {
    say(`Usage:\n  clusteradm ${command} [flags]`);
    return;
  }
  if (parsed.positionals.length > 0) {
    throw new CliError(`unknown command "${parsed.positionals[0]}" for "clusteradm ${command}"`);
  }
  requireFlags(parsed, definition.required);
  if (command === 'version') return definition.run();

  const cluster = loadKubeconfig(kubeconfigPath(parsed.values.kubeconfig));
  await definition.run(new KubeClient(cluster), parsed, VERSION);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Error: ${message}\n`);
    process.exit(1);
  },
);
