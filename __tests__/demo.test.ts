import { expect, it } from 'vitest';

import { main } from '../demo/run.js';

it('plays the whole workflow against the local fleet and passes', async () => {
  const lines: string[] = [];
  const passed = await main((line) => lines.push(line));
  const text = lines.join('\n');
  expect(text).not.toMatch(/demo FAILED/);
  expect(passed).toBe(true);
  expect(lines.at(-1)).toMatch(/^demo passed: all \d+ steps ended as expected in [\d.]+ s$/);
  expect(text).toContain('── job hub-init / step hub-init ');
  expect(text).toMatch(/\| trust policy \| update \|/);
  // The demo shows outputs, but never a workflow command or the bootstrap token in clear.
  expect(text).not.toMatch(/^::|::add-mask::|::debug::/m);
  expect(text).not.toMatch(/^\s+hub-token\s/m);
  expect(text).not.toMatch(/eyJ[\w-]{10,}\.eyJ/);
}, 60_000);
