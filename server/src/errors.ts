/** Domain errors: services throw these; the root error handler maps them to problem details once. */
export class NotFoundError extends Error {
  constructor(
    public readonly what: string,
    public readonly code: string,
  ) {
    super(`No ${what} with code "${code}"`);
    this.name = "NotFoundError";
  }
}

export class BadRequestError extends Error {
  constructor(
    message: string,
    public readonly parameter?: string,
  ) {
    super(message);
    this.name = "BadRequestError";
  }
}

/** The caller is known but may not do this to this thing (e.g. another locality's commentary). */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** The request is valid but the thing is not in a state to allow it (e.g. publishing a refused upload). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}
