/**
 * Keeps the generated parts of README.md in step with their sources: the Inputs and Outputs
 * tables come from action.yml, and each `example:<file>` block is a copy of examples/<file>.
 *
 *   npx tsx scripts/readme-tables.ts          rewrite README.md
 *   npx tsx scripts/readme-tables.ts --check  change nothing; exit 1 when README.md disagrees
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'prettier';
import { parse } from 'yaml';

interface ActionSpec {
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs?: Record<string, { description?: string }>;
}

/** Markdown-safe table cell: one line, pipes escaped, angle brackets kept as text. */
function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('|', '\\|');
}

function code(text: string): string {
  return `\`${text.replaceAll('|', '\\|')}\``;
}

async function table(header: string[], rows: string[][]): Promise<string> {
  const lines = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`);
  return (await format(lines.join('\n'), { parser: 'markdown', printWidth: 100 })).trimEnd();
}

export async function inputsTable(action: ActionSpec): Promise<string> {
  const rows = Object.entries(action.inputs ?? {}).map(([name, input]) => [
    code(name),
    input.required ? 'yes' : 'no',
    input.default === undefined ? '' : code(String(input.default)),
    cell(input.description ?? ''),
  ]);
  return table(['Input', 'Required', 'Default', 'Description'], rows);
}

export async function outputsTable(action: ActionSpec): Promise<string> {
  const rows = Object.entries(action.outputs ?? {}).map(([name, output]) => [
    code(name),
    cell(output.description ?? ''),
  ]);
  return table(['Output', 'Description'], rows);
}

/** Replaces what lies between `<!-- name:start -->` and `<!-- name:end -->`; both must exist. */
function replaceBetween(readme: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from || readme.indexOf(start, from + 1) >= 0) {
    throw new Error(`README.md needs exactly one '${start}' followed by '${end}'.`);
  }
  return `${readme.slice(0, from + start.length)}\n\n${content}\n\n${readme.slice(to)}`;
}

/** README text with every generated block rebuilt from action.yml and examples/ under `root`. */
export async function renderReadme(readme: string, root: string): Promise<string> {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as ActionSpec;
  let result = replaceBetween(readme, 'inputs', await inputsTable(action));
  result = replaceBetween(result, 'outputs', await outputsTable(action));

  for (const [, file] of readme.matchAll(/<!-- example:([\w.-]+\.ya?ml):start -->/g)) {
    const workflow = readFileSync(join(root, 'examples', file), 'utf8').trimEnd();
    result = replaceBetween(result, `example:${file}`, `\`\`\`yaml\n${workflow}\n\`\`\``);
  }
  return result;
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const path = join(root, 'README.md');
  const current = readFileSync(path, 'utf8');
  const wanted = await renderReadme(current, root);

  if (process.argv.includes('--check')) {
    if (wanted !== current) {
      console.error('README.md is out of date: run npx tsx scripts/readme-tables.ts');
      process.exitCode = 1;
    }
    return;
  }
  if (wanted !== current) writeFileSync(path, wanted);
  console.log(wanted === current ? 'README.md is up to date' : 'Updated README.md');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
