import { z } from 'zod';

/**
 * A direct call a caller waits for (ARCHITECTURE.md, "What a caller waits for is a direct
 * call"): one method of a service in an internal .proto, with the zod schemas of its request and
 * reply. The proto messages' fields carry the schemas' keys, so a request maps 1:1 and both sides
 * validate it with the same schema.
 */
export interface RpcContract<Q, R> {
  /** Fully qualified proto service, e.g. `payments.internal.v1.AuthorizationService`. */
  readonly service: string;
  /** The method as in the .proto, e.g. `Authorize`. */
  readonly method: string;
  /** The .proto file under libs/contracts/proto that declares the service. */
  readonly protoFile: string;
  readonly request: z.ZodType<Q>;
  readonly reply: z.ZodType<R>;
}

const SERVICE_NAME = /^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)*\.v[1-9][0-9]*\.[A-Z][A-Za-z0-9]*Service$/;
const METHOD_NAME = /^[A-Z][A-Za-z0-9]*$/;

export function defineRpc<Q, R>(definition: RpcContract<Q, R>): RpcContract<Q, R> {
  if (!SERVICE_NAME.test(definition.service)) throw new Error(`rpc service "${definition.service}" must read <package>.v<N>.<Name>Service`);
  if (!METHOD_NAME.test(definition.method)) throw new Error(`rpc method "${definition.method}" must be UpperCamelCase`);
  return definition;
}

/** `/package.Service/Method`, the path gRPC puts on the wire; also the key of an in-process handler. */
export function rpcPathOf(contract: Pick<RpcContract<unknown, unknown>, 'service' | 'method'>): string {
  return `/${contract.service}/${contract.method}`;
}
