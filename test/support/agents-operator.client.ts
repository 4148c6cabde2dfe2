import { OPERATOR_KEY } from './platform-under-test';
import { call, type HttpResult } from './register.client';

/** The agents' operator API of a running platform (`<base>/v1/agents`), called with the operator key; `baseUrl` is read at each call. */
export function agentsOperatorApi(baseUrl: () => string): (method: string, path: string, body?: unknown) => Promise<HttpResult> {
  return (method, path, body) =>
    call(`${baseUrl()}/v1/agents${path}`, {
      method,
      headers: { authorization: `Bearer ${OPERATOR_KEY}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}
