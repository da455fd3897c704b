/**
 * The one error type of the action. `input` names the action input a message concerns and
 * `call` the AWS, Kubernetes or clusteradm call; main.ts turns it into a single annotation.
 */
export class ActionError extends Error {
  readonly input?: string;
  readonly call?: string;

  constructor(message: string, options: { input?: string; call?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ActionError';
    this.input = options.input;
    this.call = options.call;
  }
}

/** An input that fails validation: always names the input, the problem and the expected form. */
export function inputError(input: string, problem: string, expected: string): ActionError {
  return new ActionError(`Input '${input}' ${problem}; expected ${expected}.`, { input });
}

/** The message of any thrown value, for wrapping into an ActionError. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
