/** An expected failure (missing path, REF not found): one line on stderr, no stack, this exit code. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
