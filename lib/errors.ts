/**
 * The expected failures of a request. Anything else is a bug: it is logged with an id
 * and the caller sees only a generic message with that id.
 */
export class NotSignedInError extends Error {
  readonly status = 401;
  constructor(message = "Sign in to continue.") {
    super(message);
  }
}

/**
 * One answer for every bad API token (unknown, malformed, revoked, expired, user
 * deactivated), so a caller cannot tell which of those it was.
 */
export class InvalidApiTokenError extends NotSignedInError {
  constructor() {
    super("The API token is not valid. It may have expired or been revoked.");
  }
}

/** Also used for "exists but not yours": a denial must not reveal that the record exists. */
export class NotFoundError extends Error {
  readonly status = 404;
  /** hint: what the caller could ask for instead (e.g. the valid form types). */
  constructor(what = "Record", hint?: string) {
    super(hint ? `${what} not found. ${hint}` : `${what} not found.`);
  }
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = "You do not have permission to do this.") {
    super(message);
  }
}

/** Bad input: 400 over HTTP, with every problem keyed by its field path. */
export class ValidationError extends Error {
  readonly status = 400;
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

/**
 * A write to the API without `Content-Type: application/json`. Requiring it is also the CSRF
 * defence for cookie-authenticated calls: a cross-site form can only send form encodings.
 */
export class UnsupportedMediaTypeError extends Error {
  readonly status = 415;
  constructor() {
    super("Send the request body as JSON with Content-Type: application/json.");
  }
}

export class PayloadTooLargeError extends Error {
  readonly status = 413;
  constructor(maxBytes: number) {
    super(`The request body is larger than ${maxBytes} bytes.`);
  }
}

export type ExpectedError =
  | NotSignedInError
  | NotFoundError
  | ForbiddenError
  | ValidationError
  | ConflictError
  | UnsupportedMediaTypeError
  | PayloadTooLargeError;

export function isExpectedError(error: unknown): error is ExpectedError {
  return (
    error instanceof NotSignedInError ||
    error instanceof NotFoundError ||
    error instanceof ForbiddenError ||
    error instanceof ValidationError ||
    error instanceof ConflictError ||
    error instanceof UnsupportedMediaTypeError ||
    error instanceof PayloadTooLargeError
  );
}
