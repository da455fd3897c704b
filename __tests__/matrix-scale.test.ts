import { expect, it } from 'vitest';

import { runMatrix } from '../bench/matrix.js';

it('prepares 100 spokes at once under an IAM rate limit, writing each role once', async () => {
  const result = await runMatrix({ spokes: 100, rateLimitPerSecond: 20 });
  expect(result.failures).toEqual([]);
  expect(result.repeatedWrites).toEqual([]);
  expect(result.incompleteRoles).toEqual([]);
  // Exactly the three IAM calls of a first run per spoke got through; the rest were throttled.
  expect(result.iamCalls).toBe(300);
  // The rate limit alone needs 15 s; the processes share two cores on a small CI machine.
  expect(result.wallMs).toBeLessThan(180_000);
}, 240_000);
