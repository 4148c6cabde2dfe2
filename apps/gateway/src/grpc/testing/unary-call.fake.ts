import { EventEmitter } from 'node:events';

import type { Metadata, ServerUnaryCall } from '@grpc/grpc-js';

/** A unary call as grpc-js hands it to a handler: the request, its metadata, and its events ('cancelled'). */
export function unaryCallOf<Request, Response>(request: Request, metadata: Metadata): ServerUnaryCall<Request, Response> & EventEmitter {
  return Object.assign(new EventEmitter(), { request, metadata }) as unknown as ServerUnaryCall<Request, Response> & EventEmitter;
}
