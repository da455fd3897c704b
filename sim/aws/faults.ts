import { SimAwsError } from './errors.js';
import type { Service } from './context.js';

/** Armed failures and the IAM rate limit, consulted once per call. */

export type FaultKind =
  | 'throttle'
  | 'server-error'
  | 'unavailable'
  | 'access-denied'
  | 'hang'
  | 'concurrent-create'
  | 'reset';

export interface FaultSpec {
  service?: Service;
  action?: string;
  kind: FaultKind;
  /** How many matching calls fail; 1 unless set. */
  times?: number;
  message?: string;
}

interface ArmedFault extends FaultSpec {
  remaining: number;
}

export class Faults {
  private armed: ArmedFault[] = [];
  private iamCalls: number[] = [];

  constructor(private readonly rateLimitPerSecond?: number) {}

  inject(spec: FaultSpec): void {
    this.armed.push({ ...spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  /** Consumes and returns the first armed fault that applies to this call. */
  take(service: Service, action: string): FaultSpec | undefined {
    const fault = this.armed.find(
      (f) =>
        f.remaining > 0 &&
        (f.service === undefined || f.service === service) &&
        (f.action === undefined || f.action === action) &&
        (f.kind !== 'concurrent-create' || (service === 'iam' && action === 'CreateRole')),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.armed = this.armed.filter((f) => f.remaining > 0);
    return fault;
  }

  /** Sliding one-second window over the IAM calls let through. */
  overRateLimit(service: Service, now = Date.now()): boolean {
    if (service !== 'iam' || this.rateLimitPerSecond === undefined) return false;
    this.iamCalls = this.iamCalls.filter((t) => now - t < 1000);
    if (this.iamCalls.length >= this.rateLimitPerSecond) return true;
    this.iamCalls.push(now);
    return false;
  }
}

/** The error a fault answers with, in the codes each service really uses. */
export function faultError(service: Service, fault: FaultSpec): SimAwsError {
  const eks = service === 'eks';
  switch (fault.kind) {
    case 'throttle':
      return eks
        ? new SimAwsError(429, 'ThrottlingException', fault.message ?? 'Rate exceeded')
        : new SimAwsError(400, 'Throttling', fault.message ?? 'Rate exceeded');
    case 'unavailable':
      return new SimAwsError(
        503,
        eks ? 'ServiceUnavailableException' : 'ServiceUnavailable',
        fault.message ?? 'Service is unavailable. Please try again later.',
      );
    case 'access-denied':
      return new SimAwsError(
        403,
        eks ? 'AccessDeniedException' : 'AccessDenied',
        fault.message ?? 'User is not authorized to perform this operation.',
      );
    default:
      return new SimAwsError(
        500,
        eks ? 'ServerException' : service === 'iam' ? 'ServiceFailure' : 'InternalFailure',
        fault.message ?? 'We encountered an internal error. Please try again.',
      );
  }
}
