import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MODES } from '../src/inputs.js';

// The parser imports its JSON schemas without import attributes, which Node's own loader refuses;
// tsx's loader accepts them.
type WorkflowParser = typeof import('@actions/workflow-parser');
type ActionParser = typeof import('@actions/workflow-parser/actions/action-parser');
const { NoOperationTraceWriter, parseWorkflow } = (await tsImport(
  '@actions/workflow-parser',
  import.meta.url,
)) as WorkflowParser;
const { parseAction } = (await tsImport(
  '@actions/workflow-parser/actions/action-parser',
  import.meta.url,
)) as ActionParser;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKFLOW_DIRS = ['examples', '.github/workflows'];

/** References to this action: the published name in examples, the checkout in this repo. */
const OWN_ACTION = /^ocm-eks-join\/ocm-eks-join@v\d+$/;
const LOCAL_ACTION = './';
/** Other actions must come from GitHub's own organization and be pinned to a major version. */
const THIRD_PARTY = /^actions\/[\w.-]+@v\d+$/;

interface ActionFacts {
  inputs: Map<string, { required: boolean; default?: string }>;
  outputs: Set<string>;
}

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readAction(): ActionFacts {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Mapping;
  const inputs = new Map<string, { required: boolean; default?: string }>();
  for (const [name, spec] of Object.entries((action.inputs ?? {}) as Mapping)) {
    const fields = isMapping(spec) ? spec : {};
    const fallback = fields.default === undefined ? undefined : String(fields.default);
    inputs.set(name, { required: fields.required === true, default: fallback });
  }
  return { inputs, outputs: new Set(Object.keys((action.outputs ?? {}) as Mapping)) };
}

function workflowFiles(): string[] {
  return WORKFLOW_DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((file) => /\.ya?ml$/.test(file))
      .map((file) => `${dir}/${file}`),
  );
}

/** The expression texts in a value: `${{ … }}` parts, or the whole text of an `if:`. */
function expressionsIn(value: unknown, key: string, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (key === 'if') found.push(value);
    for (const match of value.matchAll(/\$\{\{(.*?)\}\}/gs)) found.push(match[1]);
  } else if (Array.isArray(value)) {
    for (const item of value) expressionsIn(item, key, found);
  } else if (isMapping(value)) {
    for (const [childKey, child] of Object.entries(value)) expressionsIn(child, childKey, found);
  }
  return found;
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** Keys a job's matrix defines, or undefined when the matrix comes from an expression. */
function matrixKeys(job: Mapping): Set<string> | undefined {
  const strategy = job.strategy;
  if (!isMapping(strategy) || strategy.matrix === undefined) return new Set();
  if (!isMapping(strategy.matrix)) return undefined;
  const keys = new Set(
    Object.keys(strategy.matrix).filter((k) => k !== 'include' && k !== 'exclude'),
  );
  const include = Array.isArray(strategy.matrix.include) ? strategy.matrix.include : [];
  for (const entry of include) {
    if (isMapping(entry)) for (const key of Object.keys(entry)) keys.add(key);
  }
  return keys;
}

function checkOwnStep(where: string, step: Mapping, action: ActionFacts, problems: string[]): void {
  const given = isMapping(step.with) ? step.with : {};
  for (const [name, value] of Object.entries(given)) {
    const input = action.inputs.get(name);
    if (!input) {
      problems.push(`${where}: 'with: ${name}' is not an input of action.yml`);
      continue;
    }
    const literal = typeof value === 'string' && value.includes('${{') ? undefined : String(value);
    const isFlag = input.default === 'true' || input.default === 'false';
    if (isFlag && literal !== undefined && literal !== 'true' && literal !== 'false') {
      problems.push(`${where}: 'with: ${name}' is '${literal}', expected true or false`);
    }
  }
  for (const [name, input] of action.inputs) {
    if (input.required && !(name in given))
      problems.push(`${where}: required input '${name}' is missing`);
  }
  const mode = given.mode;
  if (
    typeof mode === 'string' &&
    !mode.includes('${{') &&
    !(MODES as readonly string[]).includes(mode)
  ) {
    problems.push(`${where}: mode '${mode}' is not one of ${MODES.join(', ')}`);
  }
}

function checkJob(
  jobId: string,
  job: Mapping,
  jobs: Mapping,
  dispatchInputs: Set<string>,
  action: ActionFacts,
  problems: string[],
): void {
  const needs = asList(job.needs);
  for (const need of needs) {
    if (!isMapping(jobs[need])) problems.push(`job ${jobId}: needs unknown job '${need}'`);
  }

  const steps = Array.isArray(job.steps) ? (job.steps as unknown[]).filter(isMapping) : [];
  const stepsById = new Map<string, Mapping>();
  steps.forEach((step, index) => {
    if (typeof step.id === 'string') stepsById.set(step.id, step);
    const where = `job ${jobId}, step ${step.id ?? step.name ?? index + 1}`;
    const uses = typeof step.uses === 'string' ? step.uses : undefined;
    if (uses === undefined) return;
    if (OWN_ACTION.test(uses) || uses === LOCAL_ACTION) checkOwnStep(where, step, action, problems);
    else if (!THIRD_PARTY.test(uses)) {
      problems.push(`${where}: 'uses: ${uses}' is neither this action nor actions/<name>@v<major>`);
    }
  });

  const matrix = matrixKeys(job);
  for (const expression of expressionsIn(job, '')) {
    for (const [, id, rest] of expression.matchAll(
      /(?<![\w.-])steps\.([\w-]+)(\.outputs\.[\w-]+)?/g,
    )) {
      const step = stepsById.get(id);
      if (!step) {
        problems.push(`job ${jobId}: 'steps.${id}' names no step of this job`);
        continue;
      }
      const output = rest?.slice('.outputs.'.length);
      const own =
        typeof step.uses === 'string' && (OWN_ACTION.test(step.uses) || step.uses === LOCAL_ACTION);
      if (output && own && !action.outputs.has(output)) {
        problems.push(
          `job ${jobId}: 'steps.${id}.outputs.${output}' is not an output of action.yml`,
        );
      }
    }
    for (const [, need, rest] of expression.matchAll(
      /(?<![\w.-])needs\.([\w-]+)(\.outputs\.[\w-]+)?/g,
    )) {
      if (!needs.includes(need)) {
        problems.push(`job ${jobId}: 'needs.${need}' is not in the job's needs`);
        continue;
      }
      const output = rest?.slice('.outputs.'.length);
      const declared = isMapping(jobs[need]) ? (jobs[need] as Mapping).outputs : undefined;
      if (output && !(isMapping(declared) && output in declared)) {
        problems.push(
          `job ${jobId}: 'needs.${need}.outputs.${output}' is not an output of job ${need}`,
        );
      }
    }
    for (const [, key] of expression.matchAll(/(?<![\w.-])matrix\.([\w-]+)/g)) {
      if (matrix && !matrix.has(key))
        problems.push(`job ${jobId}: 'matrix.${key}' is not in its matrix`);
    }
    for (const [, name] of expression.matchAll(/(?<![\w.-])inputs\.([\w-]+)/g)) {
      if (!dispatchInputs.has(name)) {
        problems.push(`job ${jobId}: 'inputs.${name}' is not an input of the workflow`);
      }
    }
  }
}

/** Every problem found in one workflow file; empty when the file is right. */
function checkWorkflow(name: string, text: string, action: ActionFacts): string[] {
  const parsed = parseWorkflow({ name, content: text }, new NoOperationTraceWriter());
  const problems = parsed.context.errors.getErrors().map((error) => error.message);

  const doc = parse(text) as unknown;
  if (!isMapping(doc) || !isMapping(doc.jobs)) return [...problems, `${name}: no jobs`];
  const triggers = isMapping(doc.on) ? doc.on : {};
  const dispatchInputs = new Set<string>();
  for (const trigger of ['workflow_dispatch', 'workflow_call']) {
    const spec = triggers[trigger];
    if (isMapping(spec) && isMapping(spec.inputs)) {
      for (const input of Object.keys(spec.inputs)) dispatchInputs.add(input);
    }
  }

  for (const [jobId, job] of Object.entries(doc.jobs)) {
    if (isMapping(job)) checkJob(jobId, job, doc.jobs, dispatchInputs, action, problems);
  }
  return problems.map((problem) => (problem.startsWith(name) ? problem : `${name}: ${problem}`));
}

const action = readAction();
const files = workflowFiles();

describe('action.yml', () => {
  it('is a valid action definition', () => {
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    const result = parseAction({ name: 'action.yml', content: text }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((error) => error.message)).toEqual([]);
    expect(result.value).toBeDefined();
  });

  it('requires mode and names every mode in its description', () => {
    expect(action.inputs.get('mode')?.required).toBe(true);
    const doc = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Mapping;
    const description = String(((doc.inputs as Mapping).mode as Mapping).description);
    for (const mode of MODES) expect(description).toContain(mode);
  });
});

describe('workflow files', () => {
  it('include the four examples and the repository workflows', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'examples/join-fleet.yml',
        'examples/drift-check.yml',
        'examples/mint-token.yml',
        'examples/remove-spoke.yml',
        '.github/workflows/ci.yml',
        '.github/workflows/check-dist.yml',
        '.github/workflows/e2e.yml',
        '.github/workflows/release.yml',
      ]),
    );
  });

  it.each(files)('%s is a valid workflow that uses the action as action.yml defines it', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(checkWorkflow(file, text, action)).toEqual([]);
  });

  it('every example uses the action, in every mode between them', () => {
    const modes = new Set<string>();
    for (const file of files.filter((f) => f.startsWith('examples/'))) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const found = [...text.matchAll(/^\s+mode: ([\w-]+)$/gm)].map((match) => match[1]);
      expect(found.length, file).toBeGreaterThan(0);
      for (const mode of found) modes.add(mode);
    }
    expect([...modes].sort()).toEqual([...MODES].sort());
  });
});

describe('the workflow checker', () => {
  const fleet = readFileSync(join(ROOT, 'examples/join-fleet.yml'), 'utf8');
  const removeSpoke = readFileSync(join(ROOT, 'examples/remove-spoke.yml'), 'utf8');
  const ci = readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8');

  const mutations: Array<[string, string, string, string, RegExp]> = [
    ['an unknown input', fleet, 'token-passphrase:', 'token-pasphrase:', /token-pasphrase/],
    [
      'an unknown step output',
      fleet,
      'outputs.hub-token-sealed }}',
      'outputs.hub-token-seald }}',
      /hub-token-seald/,
    ],
    [
      'an unknown step id',
      fleet,
      'steps.hub.outputs.hub-apiserver',
      'steps.hubb.outputs.hub-apiserver',
      /steps\.hubb/,
    ],
    [
      'an unknown job output',
      fleet,
      'needs.hub-init.outputs.hub-apiserver',
      'needs.hub-init.outputs.hub-api-server',
      /hub-api-server/,
    ],
    [
      'a job outside needs',
      fleet,
      'needs: [hub-init, spokes]',
      'needs: [spokes]',
      /'needs\.hub-init' is not in/,
    ],
    ['an invalid mode', fleet, 'mode: spoke-join', 'mode: spoke-joins', /spoke-joins/],
    ['an unknown matrix key', fleet, 'matrix.region', 'matrix.regoin', /matrix\.regoin/],
    [
      'a flag that is not a boolean',
      fleet,
      'verify-workload: true',
      'verify-workload: yes',
      /verify-workload/,
    ],
    ['a missing mode', fleet, '          mode: accept\n', '', /'mode' is missing/],
    ['a schema error', fleet, 'runs-on:', 'run-on:', /run-on/],
    ['an unknown workflow input', removeSpoke, 'inputs.region', 'inputs.regoin', /inputs\.regoin/],
    [
      'an unpinned action',
      ci,
      'actions/checkout@v4',
      'actions/checkout@main',
      /actions\/checkout@main/,
    ],
    [
      'a misspelt action',
      fleet,
      'ocm-eks-join/ocm-eks-join@v1',
      'ocm-eks-join/ocm-eks-jion@v1',
      /ocm-eks-jion/,
    ],
  ];

  it.each(mutations)('rejects %s', (_what, original, from, to, expected) => {
    const mutated = original.replace(from, to);
    expect(mutated).not.toBe(original);
    const problems = checkWorkflow('mutated.yml', mutated, action);
    expect(
      problems.some((problem) => expected.test(problem)),
      problems.join('\n'),
    ).toBe(true);
  });
});
