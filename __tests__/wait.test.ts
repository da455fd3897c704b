import { afterEach, describe, expect, it } from 'vitest';

import { ActionError } from '../src/errors.js';
import { pollIntervalMs, waitUntil } from '../src/kube/wait.js';

const saved = process.env.OCM_EKS_JOIN_POLL_MS;

afterEach(() => {
  if (saved === undefined) delete process.env.OCM_EKS_JOIN_POLL_MS;
  else process.env.OCM_EKS_JOIN_POLL_MS = saved;
});

describe('pollIntervalMs', () => {
  it('defaults to 2 s, takes the caller value, and lets the environment override both', () => {
    delete process.env.OCM_EKS_JOIN_POLL_MS;
    expect(pollIntervalMs()).toBe(2000);
    expect(pollIntervalMs(500)).toBe(500);
    process.env.OCM_EKS_JOIN_POLL_MS = '5';
    expect(pollIntervalMs(500)).toBe(5);
    process.env.OCM_EKS_JOIN_POLL_MS = 'soon';
    expect(pollIntervalMs()).toBe(2000);
  });
});

describe('waitUntil', () => {
  it('polls until the check is done and returns its value', async () => {
    process.env.OCM_EKS_JOIN_POLL_MS = '1';
    let calls = 0;
    const value = await waitUntil({
      what: 'ManagedCluster spoke-1 to be accepted',
      timeoutSeconds: 10,
      check: async () =>
        ++calls < 4 ? { done: false, missing: `poll ${calls}` } : { done: true, value: 'ok' },
    });
    expect(value).toBe('ok');
    expect(calls).toBe(4);
  });

  it('times out naming what it waited for and what is still missing', async () => {
    process.env.OCM_EKS_JOIN_POLL_MS = '10';
    let calls = 0;
    const started = Date.now();
    const error = await waitUntil({
      what: 'ManagedCluster spoke-1 to be available',
      timeoutSeconds: 0.2,
      check: async () => {
        calls++;
        return { done: false, missing: 'ManagedClusterConditionAvailable=True' };
      },
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toBe(
      'Timed out after 0.2 s waiting for ManagedCluster spoke-1 to be available; still missing: ' +
        "ManagedClusterConditionAvailable=True. Raise 'wait-timeout-seconds' or check the agents " +
        'on the hub and the spoke cluster.',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(calls).toBeGreaterThan(2);
  });

  it('uses the caller hint and checks once more at the deadline', async () => {
    process.env.OCM_EKS_JOIN_POLL_MS = '10000';
    let calls = 0;
    const error = await waitUntil({
      what: 'x',
      timeoutSeconds: 0.05,
      hint: 'the finalizer',
      check: async () => ({ done: false, missing: `look ${++calls}` }),
    }).catch((caught: unknown) => caught);
    // One look at the start and one at the deadline (timers may wake a millisecond early).
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(4);
    expect((error as Error).message).toContain(`still missing: look ${calls}. `);
    expect((error as Error).message).toMatch(/ or check the finalizer\.$/);
  });

  it('passes on an error thrown by the check', async () => {
    await expect(
      waitUntil({
        what: 'x',
        timeoutSeconds: 10,
        check: async () => {
          throw new Error('API down');
        },
      }),
    ).rejects.toThrow('API down');
  });
});
