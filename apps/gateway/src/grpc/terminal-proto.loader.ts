import { dirname, join } from 'node:path';

import { locateProtoRoot } from '@payments/contracts';

import { loadSync, Options, PackageDefinition } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';

export const TERMINAL_PROTO_FILE = 'payments/terminal/v1/terminal.proto';
export const TERMINAL_SERVICE_NAME = 'payments.terminal.v1.TerminalService';

/**
 * Fields in lowerCamelCase as the REST DTOs, int64 as decimal strings (no precision loss), enums
 * by name, unset fields as their proto3 defaults (empty sub-messages as null).
 */
export const TERMINAL_PROTO_OPTIONS: Options = { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true };

/** Loads the file by its name under the proto root, which resolves imports as protoc's -I does. */
export function loadTerminalProto(): PackageDefinition {
  return loadSync(TERMINAL_PROTO_FILE, { ...TERMINAL_PROTO_OPTIONS, includeDirs: [locateProtoRoot(TERMINAL_PROTO_FILE)] });
}

/** grpc.health.v1 as grpc-health-check ships it, for reflection (grpcurl can then call Health/Check). */
export function loadHealthProto(): PackageDefinition {
  const file = 'health/v1/health.proto';
  return loadSync(file, { ...TERMINAL_PROTO_OPTIONS, includeDirs: [join(dirname(healthProtoPath), '..', '..')] });
}
