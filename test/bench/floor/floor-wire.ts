import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

/**
 * The stack floor's two gRPC services, shaped like the platform's internal calls (an authorize
 * request of about the same fields, a risk decision), so a call costs what one of ours costs in
 * grpc-js and protobuf, without any of the platform's own code around it.
 */
const PROTO = `
syntax = "proto3";
package floor.v1;
message AuthorizeRequest {
  string operation_id = 1; string terminal_id = 2; string merchant_id = 3; int64 amount_minor = 4;
  string currency = 5; string card_token = 6; string pin_block = 7; string ksn = 8; string idempotency_key = 9;
}
message AuthorizeReply { string operation_id = 1; string status = 2; string response_code = 3; string approval_code = 4; string rrn = 5; }
message RiskRequest { string operation_id = 1; string card_token = 2; int64 amount_minor = 3; string currency = 4; string merchant_id = 5; }
message RiskReply { string decision = 1; int32 score = 2; }
service Core { rpc Authorize(AuthorizeRequest) returns (AuthorizeReply); }
service Risk { rpc Decide(RiskRequest) returns (RiskReply); }
`;

export interface AuthorizeRequest {
  operationId: string;
  terminalId: string;
  merchantId: string;
  amountMinor: number;
  currency: string;
  cardToken: string;
  pinBlock: string;
  ksn: string;
  idempotencyKey: string;
}
export interface AuthorizeReply {
  operationId: string;
  status: string;
  responseCode: string;
  approvalCode: string;
  rrn: string;
}
export interface RiskRequest {
  operationId: string;
  cardToken: string;
  amountMinor: number;
  currency: string;
  merchantId: string;
}
export interface RiskReply {
  decision: string;
  score: number;
}

type ServiceClientCtor = grpc.ServiceClientConstructor;

export function floorServices(): { Core: ServiceClientCtor; Risk: ServiceClientCtor } {
  const file = join(tmpdir(), `stack-floor-${process.pid}.proto`);
  writeFileSync(file, PROTO);
  const definition = loadSync(file, { keepCase: false, longs: Number, defaults: true });
  const pkg = grpc.loadPackageDefinition(definition) as unknown as { floor: { v1: { Core: ServiceClientCtor; Risk: ServiceClientCtor } } };
  return pkg.floor.v1;
}

/** A unary call with a deadline, as a promise. */
export function unary<Req, Res>(client: grpc.Client, method: string, request: Req, deadlineMs: number): Promise<Res> {
  return new Promise((resolve, reject) => {
    const call = (
      client as unknown as Record<string, (r: Req, m: grpc.Metadata, o: grpc.CallOptions, cb: (e: grpc.ServiceError | null, v: Res) => void) => void>
    )[method];
    call.call(client, request, new grpc.Metadata(), { deadline: Date.now() + deadlineMs }, (error, value) => (error ? reject(error) : resolve(value)));
  });
}

/** The acquirer link's frame: a 2-byte length, then a 441-byte message whose bytes 0-5 carry the STAN. */
export const HOST_MESSAGE_BYTES = 441;

export function hostFrame(stan: number): Buffer {
  const frame = Buffer.alloc(2 + HOST_MESSAGE_BYTES, 0x30);
  frame.writeUInt16BE(HOST_MESSAGE_BYTES, 0);
  frame.write(String(stan % 1_000_000).padStart(6, '0'), 2, 'latin1');
  return frame;
}

export const FLOOR_TOPIC = 'floor.transaction.authorized.v1';
