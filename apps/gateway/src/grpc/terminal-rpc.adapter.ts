import { Injectable, Logger, Type } from '@nestjs/common';

import { createValidationPipe } from '@payments/runtime';

import { handleUnaryCall, Metadata, status as GrpcStatus } from '@grpc/grpc-js';

import { requireIdempotencyKey } from '../idempotency/idempotency-key.util';
import { RegisterOutcome } from '../outcomes/register-outcome';
import { Terminal } from '../terminals/terminal';
import { GrpcAnswer, grpcErrorOfException } from './register-outcome.grpc';
import { metadataText, TerminalMetadataAuthenticator } from './terminal-metadata.authenticator';

/** What a read or check gets (REST: no Idempotency-Key). */
export interface TerminalQuery<Dto> {
  readonly terminal: Terminal;
  readonly dto: Dto;
}

/** What a money-moving use case gets: the same things the REST controller passes. */
export interface TerminalCall<Dto> extends TerminalQuery<Dto> {
  readonly idempotencyKey: string;
  /** Aborted when the register cancels the call or its deadline passes: an outcome then no longer reaches it (REST: the connection closed). */
  readonly connection: AbortSignal;
}

/** One RPC as the REST operation it mirrors: its body class, its use case, and its outcome as the response or a status. */
export interface TerminalRpc<Request, Dto extends object, Response, Call = TerminalCall<Dto>, Outcome = RegisterOutcome> {
  /** The REST body class; the request is validated against it with the REST rules and messages. */
  readonly dto: Type<Dto>;
  /** The request message as the REST body (a plain object; validation comes after). */
  readonly toDto: (request: Request) => object;
  /** The use case REST calls, unchanged. */
  readonly execute: (call: Call) => Promise<Outcome>;
  /** Its outcome as the response message, or the status the call fails with. */
  readonly answer: (outcome: Outcome) => GrpcAnswer<Response>;
}

export type TerminalQueryRpc<Request, Dto extends object, Response, Outcome = RegisterOutcome> = TerminalRpc<
  Request,
  Dto,
  Response,
  TerminalQuery<Dto>,
  Outcome
>;

/**
 * Runs a register's RPC the way the REST stack runs the request: authenticate (guard), validate
 * the body (ValidationPipe), check the idempotency key (controller), call the use case, then map
 * its outcome. Requests are never logged: they carry card data.
 */
@Injectable()
export class TerminalRpcAdapter {
  private readonly logger = new Logger('TerminalGrpc');
  private readonly validation = createValidationPipe();

  constructor(private readonly authenticator: TerminalMetadataAuthenticator) {}

  /** An RPC that moves money or reads a card: the idempotency-key metadata is required. */
  unary<Request, Dto extends object, Response, Outcome>(
    name: string,
    rpc: TerminalRpc<Request, Dto, Response, TerminalCall<Dto>, Outcome>,
  ): handleUnaryCall<Request, Response> {
    return this.handler(name, rpc, (query, metadata, connection) => ({
      ...query,
      connection,
      idempotencyKey: requireIdempotencyKey(metadataText(metadata, 'idempotency-key')),
    }));
  }

  /** A read or a check (connection check, report, receipt copy): no idempotency-key. */
  query<Request, Dto extends object, Response, Outcome>(
    name: string,
    rpc: TerminalQueryRpc<Request, Dto, Response, Outcome>,
  ): handleUnaryCall<Request, Response> {
    return this.handler(name, rpc, (query) => query);
  }

  private handler<Request, Dto extends object, Response, Call, Outcome>(
    name: string,
    rpc: TerminalRpc<Request, Dto, Response, Call, Outcome>,
    callOf: (query: TerminalQuery<Dto>, metadata: Metadata, connection: AbortSignal) => Call,
  ): handleUnaryCall<Request, Response> {
    return (call, callback) => {
      // grpc-js emits 'cancelled' when the client cancels or its deadline passes.
      const connection = new AbortController();
      call.once('cancelled', () => connection.abort());
      this.run(rpc, call.request, call.metadata, (query, metadata) => callOf(query, metadata, connection.signal)).then(
        (answer) => (answer.ok ? callback(null, answer.response) : callback(answer.error)),
        (error: unknown) => {
          const status = grpcErrorOfException(error);
          if (status.code === GrpcStatus.INTERNAL) {
            this.logger.error(
              `${name} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown'}`,
              error instanceof Error ? error.stack : undefined,
            );
          }
          callback(status);
        },
      );
    };
  }

  private async run<Request, Dto extends object, Response, Call, Outcome>(
    rpc: TerminalRpc<Request, Dto, Response, Call, Outcome>,
    request: Request,
    metadata: Metadata,
    callOf: (query: TerminalQuery<Dto>, metadata: Metadata) => Call,
  ): Promise<GrpcAnswer<Response>> {
    const terminal = await this.authenticator.terminalOf(metadata);
    const dto = (await this.validation.transform(rpc.toDto(request), { type: 'body', metatype: rpc.dto })) as Dto;
    return rpc.answer(await rpc.execute(callOf({ terminal, dto }, metadata)));
  }
}
