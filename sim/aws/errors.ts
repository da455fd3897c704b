/**
 * An AWS error as the simulated services answer it. Each protocol renders it in its own shape
 * (awsQuery XML for IAM and STS, restJson1 headers and body for EKS).
 */
export class SimAwsError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'SimAwsError';
    this.status = status;
    this.code = code;
  }

  /** awsQuery errors say whose fault it was: the client's (Sender) or the service's. */
  get faultType(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

export const noSuchEntity = (message: string) => new SimAwsError(404, 'NoSuchEntity', message);

export const validationError = (message: string) =>
  new SimAwsError(400, 'ValidationError', message);

export const accessDenied = (message: string) => new SimAwsError(403, 'AccessDenied', message);
