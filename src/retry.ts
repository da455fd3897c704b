/**
 * One retry policy for every remote call: full-jitter exponential backoff for failures that
 * the caller classifies as transient (throttling, 5xx, dropped connections), never for others.
 */
export interface RetryOptions {
  /** How many attempts in all, the first included. */
  attempts?: number;
  /** Base delay; the n-th retry waits a random time below base * 2^n, capped at maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Decides whether an error is worth another attempt. */
  retryable: (error: unknown) => boolean;
  /** Told about each retry, for a debug line. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/**
 * The base delay. OCM_EKS_JOIN_RETRY_BASE_MS lets the test suite and the local simulation run
 * retries without sleeping; the action itself never sets it.
 */
export function retryBaseDelayMs(): number {
  const fromEnv = Number(process.env.OCM_EKS_JOIN_RETRY_BASE_MS);
  return Number.isFinite(fromEnv) && fromEnv >= 0 && process.env.OCM_EKS_JOIN_RETRY_BASE_MS
    ? fromEnv
    : 200;
}

export async function withRetry<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? 6;
  const base = options.baseDelayMs ?? retryBaseDelayMs();
  const cap = options.maxDelayMs ?? 20_000;

  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !options.retryable(error)) throw error;
      const delayMs = Math.floor(Math.random() * Math.min(cap, base * 2 ** attempt));
      options.onRetry?.(error, attempt, delayMs);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** HTTP statuses that mean "try again later" for any of the APIs the action calls. */
export function isTransientStatus(status: number | undefined): boolean {
  return status === 429 || (status !== undefined && status >= 500 && status <= 599);
}

/** Socket-level failures that a retry can cure. */
export function isTransientNetworkError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return (
    code === 'ECONNRESET' ||
    code === 'ECONNREFUSED' ||
    code === 'EPIPE' ||
    code === 'ETIMEDOUT' ||
    code === 'ESOCKETTIMEDOUT' ||
    code === 'EAI_AGAIN'
  );
}
