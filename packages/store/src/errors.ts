import { AnchorwatchError } from '@anchorwatch/schemas';

/** A row the caller's merchant cannot see, or that does not exist: the two are indistinguishable on purpose. */
export class NotFoundError extends AnchorwatchError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

/** The request is well-formed but contradicts stored state (e.g. a product of another merchant). */
export class ConflictError extends AnchorwatchError {
  constructor(message: string) {
    super('conflict', message);
  }
}

/** A person asked for a lifecycle move the alert's current status does not allow (e.g. acknowledging a resolved alert). */
export class InvalidTransitionError extends AnchorwatchError {
  constructor(message: string) {
    super('invalid_transition', message);
  }
}
