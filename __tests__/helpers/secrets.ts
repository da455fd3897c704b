import { expect } from 'vitest';

import { type ActionRun, filesUnder } from '../../sim/action-runner.js';

/** The forms in which a secret could leak: clear, base64 and base64url (with and without padding). */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = new Set([
    secret,
    bytes.toString('base64'),
    bytes.toString('base64url'),
    bytes.toString('base64').replace(/=+$/, ''),
  ]);
  return [...forms].filter((form) => form.length >= 8);
}

/**
 * Asserts that a secret appears nowhere a user or another job could read it: stdout and
 * stderr (except inside the ::add-mask:: command itself), any output but `hub-token`, the job
 * summary, and every file left in the workspace or under RUNNER_TEMP.
 */
export async function expectNoLeak(
  run: ActionRun,
  secret: string,
  allowedOutputs: string[] = ['hub-token'],
): Promise<void> {
  const places: Array<[string, string]> = [
    [
      'stdout',
      run.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n'),
    ],
    ['stderr', run.stderr],
    ['summary', run.summary],
    ...Object.entries(run.outputs)
      .filter(([name]) => !allowedOutputs.includes(name))
      .map(([name, value]) => [`output ${name}`, value] as [string, string]),
    ...[...(await filesUnder(run.workspace)), ...(await filesUnder(run.runnerTemp))].map(
      (file) => [`file ${file.path}`, file.text] as [string, string],
    ),
  ];
  for (const form of secretForms(secret)) {
    for (const [where, text] of places) {
      expect(text.includes(form), `secret found in ${where}`).toBe(false);
    }
  }
}
