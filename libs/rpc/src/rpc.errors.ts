/** Every failure of a call is one of these; `path` is `/package.Service/Method`. */
export abstract class RpcError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The caller's deadline passed before the reply: the outcome is unknown to the caller. */
export class RpcDeadlineError extends RpcError {
  constructor(
    path: string,
    readonly budgetMs: number,
  ) {
    super(path, `no reply from ${path} within ${budgetMs} ms`);
  }
}

/** The handler failed (or its reply broke its schema); the message is the remote one. */
export class RpcRemoteError extends RpcError {
  constructor(
    path: string,
    readonly remoteMessage: string,
  ) {
    super(path, `${path} failed: ${remoteMessage}`);
  }
}

/** The request broke its schema: refused before any handler ran. */
export class RpcInvalidArgumentError extends RpcError {
  constructor(
    path: string,
    readonly detail: string,
  ) {
    super(path, `invalid request to ${path}: ${detail}`);
  }
}

/** Nobody answered, or the connection broke after the request left: the outcome is unknown. */
export class RpcUnavailableError extends RpcError {
  constructor(
    path: string,
    readonly detail: string,
  ) {
    super(path, `${path} unavailable: ${detail}`);
  }
}

/** The caller cancelled the call. */
export class RpcCancelledError extends RpcError {
  constructor(path: string) {
    super(path, `call to ${path} cancelled`);
  }
}

/** The errors after which the caller cannot know whether the callee acted. */
export function isOutcomeUnknown(error: unknown): error is RpcDeadlineError | RpcUnavailableError {
  return error instanceof RpcDeadlineError || error instanceof RpcUnavailableError;
}
