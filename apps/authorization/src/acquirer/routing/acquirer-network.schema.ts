import { z } from 'zod';

import { CARD_SCHEMES } from '@payments/card';
import { getSpec } from '@payments/iso8583';

import { isTimeZone } from '../../host-link/transaction-time';
import { BIN_RANGE_EXPECTED, parseBinPrefixRange } from './bin-prefix.range';
import { CARD_KINDS, CONFIGURED_CARD_KINDS } from './card-kind.model';

const binRange = z.string().refine((text) => parseBinPrefixRange(text) !== undefined, BIN_RANGE_EXPECTED);
const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'expected at least one item; leave the key out to match any');

function isKnownSpec(name: string): boolean {
  try {
    getSpec(name);
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string().refine(isTimeZone, 'expected an IANA time zone such as Europe/Berlin, Asia/Bishkek or UTC');
const port = z.number().int().min(1).max(65_535);

/** One more address of the same acquirer host (a second data centre, another front end). */
const endpointSchema = z.strictObject({ host: z.string().min(1), port });

/** One acquirer host and how to talk to it: `connections` TCP links to each endpoint. */
export const acquirerSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'expected 1-32 characters a-z, 0-9, "-" or "_", starting with a letter or digit'),
  host: z.string().min(1),
  port,
  /** Further addresses of the same host; requests are spread over the links to all of them. */
  endpoints: z.array(endpointSchema).max(8).default([]),
  /** Links (each its own sign-on and echo) to each endpoint; requests go to the links that are up. */
  connections: z.number().int().min(1).max(16).default(1),
  /** ISO 8583 dialect registered in @payments/iso8583. */
  spec: z.string().refine(isKnownSpec, 'expected a registered ISO 8583 spec such as iso87ascii or iso87binary').default('iso87ascii'),
  header: z.enum(['binary2', 'ascii4', 'none']).default('binary2'),
  responseTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  connectTimeoutMs: z.number().int().min(100).max(60_000).default(2_000),
  signOn: z.boolean().default(false),
  /** Echo test after this long without traffic; 0 turns keep-alive off. */
  echoIntervalMs: z.number().int().min(0).max(3_600_000).default(60_000),
  /** Where its terminals are: DE 12/13 (local time and date) are given in this zone. */
  timeZone: timeZone.default('UTC'),
});

const cardKindSchema = z.strictObject({
  kind: z.enum(CONFIGURED_CARD_KINDS),
  binRanges: nonEmpty(binRange),
});

/** Every key given must hold (a card matches any listed value of it); an empty match takes every card. */
const matchSchema = z.strictObject({
  binRanges: nonEmpty(binRange).optional(),
  schemes: nonEmpty(z.enum(CARD_SCHEMES)).optional(),
  cardKinds: nonEmpty(z.enum(CARD_KINDS)).optional(),
  merchantIds: nonEmpty(z.string().trim().min(1)).optional(),
});

const routeSchema = z.strictObject({
  acquirer: z.string().min(1),
  match: matchSchema.default({}),
});

export type AcquirerConfig = z.output<typeof acquirerSchema>;
export type RouteMatch = z.output<typeof matchSchema>;
export type AcquirerRoute = z.output<typeof routeSchema>;
export type CardKindRanges = z.output<typeof cardKindSchema>;

/** A route with an empty match takes every card (the default route). */
export const isCatchAll = (match: RouteMatch): boolean => Object.values(match).every((value) => value === undefined);

/** Acquirers, card kinds by BIN and ordered routes (first match wins), checked for consistency. */
export const acquirerNetworkSchema = z
  .strictObject({
    acquirers: nonEmpty(acquirerSchema),
    cardKinds: z.array(cardKindSchema).default([]),
    routes: z.array(routeSchema).default([]),
    /** Merchant id (DE 42, trimmed) -> time zone, for merchants not where their acquirer's zone says. */
    merchantTimeZones: z.record(z.string().min(1), timeZone).default({}),
  })
  .superRefine((network, ctx) => {
    const ids = new Set<string>();
    network.acquirers.forEach((acquirer, i) => {
      if (ids.has(acquirer.id)) ctx.addIssue({ code: 'custom', path: ['acquirers', i, 'id'], message: `"${acquirer.id}" is configured twice` });
      ids.add(acquirer.id);
    });
    if (network.routes.length === 0 && network.acquirers.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['routes'], message: 'required when more than one acquirer is configured' });
    }
    const catchAll = network.routes.findIndex((route) => isCatchAll(route.match));
    network.routes.forEach((route, i) => {
      if (!ids.has(route.acquirer))
        ctx.addIssue({ code: 'custom', path: ['routes', i, 'acquirer'], message: `"${route.acquirer}" is not a configured acquirer` });
      if (catchAll >= 0 && i > catchAll)
        ctx.addIssue({ code: 'custom', path: ['routes', i], message: `never used: routes[${catchAll}] before it has an empty match and takes every card` });
    });
  });

export type AcquirerNetwork = z.output<typeof acquirerNetworkSchema>;
