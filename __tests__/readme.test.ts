import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderReadme } from '../scripts/readme-tables.js';
import { MODES } from '../src/inputs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to dashes. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replaceAll(' ', '-');
}

describe('README.md', () => {
  it('has the generated tables and examples as action.yml and examples/ make them', async () => {
    // On failure, run: npx tsx scripts/readme-tables.ts
    expect(await renderReadme(readme, ROOT)).toBe(readme);
  });

  it('notices a table that disagrees with action.yml', async () => {
    const stale = readme.replace('| `delete-iam`', '| `delete-iams`');
    expect(stale).not.toBe(readme);
    expect(await renderReadme(stale, ROOT)).not.toBe(stale);
  });

  it('notices an example that disagrees with examples/', async () => {
    const stale = readme.replace('cron: ', 'cron:  ');
    expect(stale).not.toBe(readme);
    expect(await renderReadme(stale, ROOT)).not.toBe(stale);
  });

  it('refuses a README without the markers', async () => {
    const broken = readme.replace('<!-- outputs:end -->', '');
    await expect(renderReadme(broken, ROOT)).rejects.toThrow(/outputs:end/);
  });

  it('lists every input and output of action.yml', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(readme).toContain(`| \`${name}\``);
    }
  });

  it('keeps its sections in order', () => {
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    const expected = [
      'Try it',
      'Join a fleet',
      'Scheduled drift check',
      'Inputs',
      'Outputs',
      'IAM permissions',
      'Trust policy for the GitHub OIDC role',
      'Passing the bootstrap token between jobs',
      'Troubleshooting',
      'Security',
      'Limitations',
      'Design notes',
      'Development',
    ];
    expect(headings).toEqual(expected);
  });

  it('links only to files that exist and headings that exist', () => {
    const anchors = new Set([...readme.matchAll(/^#+ (.+)$/gm)].map((match) => anchor(match[1])));
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(0);
    const broken = links
      .filter((target) => !/^https?:/.test(target))
      .filter((target) =>
        target.startsWith('#')
          ? !anchors.has(target.slice(1))
          : !existsSync(join(ROOT, target.split('#')[0])),
      );
    expect(broken).toEqual([]);
  });

  it('links the IAM policy of every mode', () => {
    for (const mode of MODES) {
      expect(readme).toContain(`](permissions/${mode}.json)`);
    }
  });

  it('shows a trust policy that is valid JSON and checks aud and sub', () => {
    const section = readme.split('## Trust policy for the GitHub OIDC role')[1];
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    const policy = JSON.parse(json ?? '') as {
      Statement: Array<{ Condition: Record<string, Record<string, string>> }>;
    };
    const condition = policy.Statement[0].Condition;
    expect(condition.StringEquals['token.actions.githubusercontent.com:aud']).toBe(
      'sts.amazonaws.com',
    );
    expect(condition.StringLike['token.actions.githubusercontent.com:sub']).toBe(
      'repo:<org>/<repo>:*',
    );
  });
});
