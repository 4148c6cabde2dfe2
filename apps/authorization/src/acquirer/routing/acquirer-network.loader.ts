import { readFileSync } from 'node:fs';

import { z } from 'zod';

import { type AcquirerNetwork, acquirerNetworkSchema, isCatchAll } from './acquirer-network.schema';

/** The legacy single-acquirer variables, for the network used when none is configured. */
export interface SingleAcquirerSettings {
  host: string;
  port: number;
  responseTimeoutMs: number;
  signOn: boolean;
  echoIntervalMs: number;
  /** Links to the host (default 1). */
  connections?: number;
  /** IANA zone of DE 12/13 (default UTC). */
  timeZone?: string;
}

export const DEFAULT_ACQUIRER_ID = 'default';

/** `routes[1].match.binRanges[0]` from zod's path. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** Parses and validates the JSON text of an acquirer network; the error names each bad key. */
export function parseAcquirerNetwork(json: string): { network: AcquirerNetwork } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
  const result = acquirerNetworkSchema.safeParse(value);
  if (result.success) return { network: result.data };
  return { error: result.error.issues.map((issue) => `${pathOf(issue.path) || '(root)'}: ${issue.message}`).join('; ') };
}

function toNetwork(text: string, ctx: z.RefinementCtx): AcquirerNetwork {
  const parsed = parseAcquirerNetwork(text);
  if ('network' in parsed) return parsed.network;
  ctx.addIssue({ code: 'custom', message: parsed.error });
  return z.NEVER;
}

/** An env field holding the network as JSON (AUTHORIZATION_ACQUIRERS); unset -> undefined. */
export function acquirerNetworkJson(): z.ZodType<AcquirerNetwork | undefined, string | undefined> {
  return z
    .string()
    .optional()
    .transform((json, ctx) => (json === undefined ? undefined : toNetwork(json, ctx)));
}

/** An env field holding the path of a JSON file with the network (AUTHORIZATION_ACQUIRERS_FILE). */
export function acquirerNetworkFile(): z.ZodType<AcquirerNetwork | undefined, string | undefined> {
  return z
    .string()
    .optional()
    .transform((path, ctx) => {
      if (path === undefined) return undefined;
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
        return z.NEVER;
      }
      return toNetwork(text, ctx);
    });
}

/** The configured network, or one acquirer "default" taking every card, from the single-acquirer settings. */
export function resolveAcquirerNetwork(configured: AcquirerNetwork | undefined, single: SingleAcquirerSettings): AcquirerNetwork {
  if (configured) return configured;
  return {
    acquirers: [
      {
        id: DEFAULT_ACQUIRER_ID,
        host: single.host,
        port: single.port,
        spec: 'iso87ascii',
        header: 'binary2',
        responseTimeoutMs: single.responseTimeoutMs,
        connectTimeoutMs: 2_000,
        signOn: single.signOn,
        echoIntervalMs: single.echoIntervalMs,
        endpoints: [],
        connections: single.connections ?? 1,
        timeZone: single.timeZone ?? 'UTC',
      },
    ],
    cardKinds: [],
    merchantTimeZones: {},
    routes: [{ acquirer: DEFAULT_ACQUIRER_ID, match: {} }],
  };
}

/** The acquirer send() and nextReference() use without an id: the catch-all route's, else the first listed. */
export function defaultAcquirerOf(network: AcquirerNetwork): string {
  return network.routes.find((route) => isCatchAll(route.match))?.acquirer ?? network.acquirers[0].id;
}
