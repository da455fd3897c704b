// Runs one mode of the action from the sources on this machine, outside GitHub: inputs from a
// .env file (see .env.example), AWS credentials from the environment or a web identity token
// file. Outputs and the job summary are printed at the end.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { parseOutputFile } from '../sim/action-runner.js';

const root = resolve(import.meta.dirname, '..');
const envFile = resolve(process.argv[2] ?? '.env');

/** KEY=value lines; '#' starts a comment line; surrounding quotes are removed. */
function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z][\w-]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

async function main(): Promise<number> {
  if (!existsSync(envFile)) {
    console.error(`No ${envFile}: copy .env.example to .env and fill in the inputs.`);
    return 2;
  }
  if (!existsSync(join(root, 'dist', 'exec-plugin', 'index.js'))) {
    console.error('dist/exec-plugin is missing: run npm run build first.');
    return 2;
  }
  const inputs = parseEnvFile(await readFile(envFile, 'utf8'));
  const temp = await mkdtemp(join(tmpdir(), 'ocm-eks-join-local-'));
  const toolCache = join(homedir(), '.cache', 'ocm-eks-join', 'tool-cache');
  await mkdir(toolCache, { recursive: true });
  const outputFile = join(temp, 'output');
  const summaryFile = join(temp, 'summary.md');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: process.cwd(),
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: toolCache,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'index.ts')], {
    env,
    stdio: 'inherit',
  });
  const code = await new Promise<number>((done) => child.on('close', (exit) => done(exit ?? 1)));

  const outputs = parseOutputFile(await readFile(outputFile, 'utf8'));
  console.log('\nOutputs:');
  for (const [name, value] of Object.entries(outputs)) {
    console.log(`  ${name} = ${name === 'hub-token' ? '***' : value}`);
  }
  console.log(`\nJob summary (${summaryFile}):\n${await readFile(summaryFile, 'utf8')}`);
  return code;
}

process.exitCode = await main();
