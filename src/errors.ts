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

/**
 * Shows a user-supplied value inside a message: JSON-quoted so that a newline or a workflow
 * command sequence in it cannot start a line of its own, and cut short when very long.
 */
export function quote(value: string, max = 80): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(shown);
}
