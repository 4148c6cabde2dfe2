import { Injectable, Logger, Type } from '@nestjs/common';

import { createValidationPipe } from '@payments/runtime';

import { handleUnaryCall, Metadata, status as GrpcStatus } from '@grpc/grpc-js';

import { requireIdempotencyKey } from '../idempotency/idempotency-key.util';
import { StoredResponse } from '../idempotency/idempotency.repository';
import { Terminal } from '../terminals/terminal';
import { GrpcError, grpcErrorOf, grpcErrorOfException } from './grpc-status.mapper';
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

/** One RPC as the REST operation it mirrors: its body class, its use case, its response. */
export interface TerminalRpc<Request, Dto extends object, Response, Call = TerminalCall<Dto>> {
  /** The REST body class; the request is validated against it with the REST rules and messages. */
  readonly dto: Type<Dto>;
  /** The request message as the REST body (a plain object; validation comes after). */
  readonly toDto: (request: Request) => object;
  /** The REST use case, unchanged; non-2xx outcomes become gRPC errors. */
  readonly execute: (call: Call) => Promise<StoredResponse>;
  /** A 2xx REST body as the response message. */
  readonly toResponse: (body: unknown) => Response;
}

export type TerminalQueryRpc<Request, Dto extends object, Response> = TerminalRpc<Request, Dto, Response, TerminalQuery<Dto>>;

type Outcome<Response> = { ok: true; response: Response } | { ok: false; error: GrpcError };

/**
 * Runs a register's RPC the way the REST stack runs the request: authenticate (guard), validate
 * the body (ValidationPipe), check the idempotency key (controller), call the use case, then map
 * its status. Requests are never logged: they carry card data.
 */
@Injectable()
export class TerminalRpcAdapter {
  private readonly logger = new Logger('TerminalGrpc');
  private readonly validation = createValidationPipe();

  constructor(private readonly authenticator: TerminalMetadataAuthenticator) {}

  /** An RPC that moves money or reads a card: the idempotency-key metadata is required. */
  unary<Request, Dto extends object, Response>(name: string, rpc: TerminalRpc<Request, Dto, Response>): handleUnaryCall<Request, Response> {
    return this.handler(name, rpc, (query, metadata, connection) => ({
      ...query,
      connection,
      idempotencyKey: requireIdempotencyKey(metadataText(metadata, 'idempotency-key')),
    }));
  }

  /** A read or a check (connection check, report, receipt copy): no idempotency-key. */
  query<Request, Dto extends object, Response>(name: string, rpc: TerminalQueryRpc<Request, Dto, Response>): handleUnaryCall<Request, Response> {
    return this.handler(name, rpc, (query) => query);
  }

  private handler<Request, Dto extends object, Response, Call>(
    name: string,
    rpc: TerminalRpc<Request, Dto, Response, Call>,
    callOf: (query: TerminalQuery<Dto>, metadata: Metadata, connection: AbortSignal) => Call,
  ): handleUnaryCall<Request, Response> {
    return (call, callback) => {
      // grpc-js emits 'cancelled' when the client cancels or its deadline passes.
      const connection = new AbortController();
      call.once('cancelled', () => connection.abort());
      this.run(rpc, call.request, call.metadata, (query, metadata) => callOf(query, metadata, connection.signal)).then(
        (outcome) => (outcome.ok ? callback(null, outcome.response) : callback(outcome.error)),
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

  private async run<Request, Dto extends object, Response, Call>(
    rpc: TerminalRpc<Request, Dto, Response, Call>,
    request: Request,
    metadata: Metadata,
    callOf: (query: TerminalQuery<Dto>, metadata: Metadata) => Call,
  ): Promise<Outcome<Response>> {
    const terminal = await this.authenticator.terminalOf(metadata);
    const dto = (await this.validation.transform(rpc.toDto(request), { type: 'body', metatype: rpc.dto })) as Dto;
    const { status, body } = await rpc.execute(callOf({ terminal, dto }, metadata));
    if (status >= 200 && status < 300) return { ok: true, response: rpc.toResponse(body) };
    return { ok: false, error: grpcErrorOf(status, body) };
  }
}
