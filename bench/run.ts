// `npm run bench`: measures the built action against the local fleet and prints one table.
// It writes nothing into the repository.
import { existsSync } from 'node:fs';

import { ACTION } from '../sim/action-runner.js';
import { Fleet } from '../sim/fleet.js';
import { runMatrix } from './matrix.js';
import { ModeBench } from './modes.js';
import { measureSpokePrepare } from './startup.js';
import { Table, ms } from './stats.js';

const SPOKE = { name: 'spoke-a', account: '222222222222', region: 'us-east-1' };
const MATRIX_SPOKES = 100;
const RATE_LIMIT = 20;

async function main(): Promise<boolean> {
  if (!existsSync(ACTION)) {
    console.error(`bench: ${ACTION} is missing; build it with 'npm run build' first.`);
    return false;
  }
  const table = new Table();
  const fleet = await Fleet.start({ spokes: [SPOKE] });
  const modes = new ModeBench(fleet, SPOKE);
  try {
    await measureSpokePrepare(fleet, SPOKE, table);
    await modes.setUp();
    table.section('clusteradm install (median of 5 accept runs on an accepted cluster)');
    await modes.install(table);
    table.section('Cluster modes (median of 5 runs; local hub and spoke APIs)');
    await modes.modeTimes(table);
  } finally {
    await modes.close();
    await fleet.close();
  }

  table.section(
    `Matrix: ${MATRIX_SPOKES} spoke-prepare processes at once, IAM limited to ${RATE_LIMIT} calls/s`,
  );
  const matrix = await runMatrix({ spokes: MATRIX_SPOKES, rateLimitPerSecond: RATE_LIMIT });
  const floor = (matrix.iamCalls / RATE_LIMIT) * 1000;
  const ok = matrix.spokes - matrix.failures.length;
  table.row('succeeded', `${ok} / ${matrix.spokes}`, matrix.failures.slice(0, 3).join('; '));
  table.row(
    'wall time',
    ms(matrix.wallMs),
    `${(matrix.wallMs / floor).toFixed(2)}× the rate limit's floor of ${ms(floor)}`,
  );
  table.row(
    'IAM calls per spoke',
    (matrix.iamCalls / matrix.spokes).toFixed(2),
    `${matrix.iamCalls} let through, ${matrix.throttled} throttled and retried`,
  );
  table.row(
    'all AWS calls per spoke',
    ((matrix.awsCalls - matrix.throttled) / matrix.spokes).toFixed(2),
    'STS, EKS and IAM, without the throttled ones',
  );
  table.row(
    'roles written twice',
    String(matrix.repeatedWrites.length),
    matrix.repeatedWrites.slice(0, 3).join(', '),
  );
  table.row('roles incomplete', String(matrix.incompleteRoles.length));
  // The same matrix without a rate limit shows what two cores and 100 processes cost by themselves.
  const free = await runMatrix({ spokes: MATRIX_SPOKES, rateLimitPerSecond: Infinity });
  table.row(
    'wall time without a rate limit',
    ms(free.wallMs),
    `${free.spokes - free.failures.length} / ${free.spokes} succeeded; CPU-bound start-up`,
  );
  table.print();
  return matrix.failures.length === 0 && matrix.repeatedWrites.length === 0;
}

process.exitCode = (await main()) ? 0 : 1;
