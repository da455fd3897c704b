import { ActionError } from '../errors.js';

/** One look at the awaited state: done with a value, or what is still missing, for the log. */
export type WaitCheck<T> = { done: true; value: T } | { done: false; missing: string };

const DEFAULT_INTERVAL_MS = 2000;

/**
 * The poll interval. OCM_EKS_JOIN_POLL_MS lets the test suite and the local simulation poll
 * without sleeping; the action itself never sets it, so when set it wins over any caller's value.
 */
export function pollIntervalMs(requested?: number): number {
  const raw = process.env.OCM_EKS_JOIN_POLL_MS;
  const fromEnv = Number(raw);
  if (raw && Number.isFinite(fromEnv) && fromEnv >= 0) return fromEnv;
  return requested ?? DEFAULT_INTERVAL_MS;
}

/**
 * Calls `check` until it reports done, and returns its value. After `timeoutSeconds` it fails
 * with the last thing `check` said was missing, so the user sees what never happened. Errors
 * thrown by `check` end the wait at once: transient API failures are retried below this level.
 */
export async function waitUntil<T>(options: {
  what: string;
  timeoutSeconds: number;
  intervalMs?: number;
  /** The end of the time-out message: what the user should look at. */
  hint?: string;
  check: () => Promise<WaitCheck<T>>;
}): Promise<T> {
  const interval = pollIntervalMs(options.intervalMs);
  const deadline = Date.now() + options.timeoutSeconds * 1000;

  for (;;) {
    const result = await options.check();
    if (result.done) return result.value;

    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      const hint = options.hint ?? 'the agents on the hub and the spoke cluster';
      throw new ActionError(
        `Timed out after ${options.timeoutSeconds} s waiting for ${options.what}; ` +
          `still missing: ${result.missing}. Raise 'wait-timeout-seconds' or check ${hint}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(interval, remaining)));
  }
}
