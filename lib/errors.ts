/**
 * The expected failures of a request. Anything else is a bug: it is logged with an id
 * and the caller sees only a generic message with that id.
 */
export class NotSignedInError extends Error {
  readonly status = 401;
  constructor() {
    super("Sign in to continue.");
  }
}

/** Also used for "exists but not yours": a denial must not reveal that the record exists. */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(what = "Record") {
    super(`${what} not found.`);
  }
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = "You do not have permission to do this.") {
    super(message);
  }
}

export class ValidationError extends Error {
  readonly status = 422;
  constructor(
    readonly fieldErrors: Record<string, string[]>,
    message = "Some fields need attention.",
  ) {
    super(message);
  }
}

export class ConflictError extends Error {
  readonly status = 409;
}

/** Malformed query parameters of a GET request (400): what to change, keyed by parameter. */
export class InvalidQueryError extends Error {
  readonly status = 400;
  constructor(
    readonly fieldErrors: Record<string, string[]>,
    message = "Some query parameters are not valid.",
  ) {
    super(message);
  }
}

export type ExpectedError = NotSignedInError | NotFoundError | ForbiddenError | ValidationError | ConflictError | InvalidQueryError;

export function isExpectedError(error: unknown): error is ExpectedError {
  return (
    error instanceof NotSignedInError ||
    error instanceof NotFoundError ||
    error instanceof ForbiddenError ||
    error instanceof ValidationError ||
    error instanceof ConflictError ||
    error instanceof InvalidQueryError
  );
}
