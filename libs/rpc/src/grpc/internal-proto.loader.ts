import { locateProtoRoot, RpcContract } from '@payments/contracts';

import { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import { loadSync, Options, PackageDefinition } from '@grpc/proto-loader';

/**
 * Field names as written (the zod schemas' keys), enums by name, 64-bit integers as strings, no
 * invented defaults (absence is kept; see conformToSchema), oneofs named.
 */
export const INTERNAL_PROTO_OPTIONS: Options = { keepCase: true, enums: String, longs: String, defaults: false, oneofs: true };

const loaded = new Map<string, PackageDefinition>();

/** The package definition of an internal .proto, loaded once per process. */
export function internalProto(protoFile: string): PackageDefinition {
  let definition = loaded.get(protoFile);
  if (!definition) {
    definition = loadSync(protoFile, { ...INTERNAL_PROTO_OPTIONS, includeDirs: [locateProtoRoot(protoFile)] });
    loaded.set(protoFile, definition);
  }
  return definition;
}

export function serviceDefinitionOf(contract: Pick<RpcContract<unknown, unknown>, 'service' | 'protoFile'>): ServiceDefinition {
  const service = internalProto(contract.protoFile)[contract.service];
  if (!service || 'format' in service) throw new Error(`${contract.service} is not a service of ${contract.protoFile}`);
  return service;
}

export function methodDefinitionOf(contract: RpcContract<unknown, unknown>): MethodDefinition<unknown, unknown> {
  const method = serviceDefinitionOf(contract)[contract.method];
  if (!method) throw new Error(`${contract.service} has no method ${contract.method} in ${contract.protoFile}`);
  return method;
}
