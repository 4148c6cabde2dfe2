import { assertPanFormat, detectScheme } from '@payments/card';

import type { AcquirerNetwork, RouteMatch } from './acquirer-network.schema';
import { BinPrefixRangeSet } from './bin-prefix.range';
import { type CardKind, type ConfiguredCardKind, KIND_OF_SCHEME } from './card-kind.model';
import { NoAcquirerRouteError } from './no-acquirer-route.error';

/** What routing looks at. `scheme` as the card reader detected it; detected from the PAN when absent. */
export interface RoutableCard {
  pan: string;
  scheme?: string;
  merchantId?: string;
}

interface CompiledRoute {
  readonly acquirer: string;
  readonly binRanges?: BinPrefixRangeSet;
  readonly schemes?: ReadonlySet<string>;
  readonly cardKinds?: ReadonlySet<string>;
  readonly merchantIds?: ReadonlySet<string>;
}

/**
 * Picks the acquirer of a card from the configured routes, in order: the first route whose every
 * given key matches wins (BIN range, scheme, card kind, merchant), so merchant-specific and
 * BIN-specific routes go before the general ones and an empty match last. Pure: no I/O, no state.
 */
export class AcquirerRouter {
  private readonly routes: readonly CompiledRoute[];
  private readonly kinds: readonly { kind: ConfiguredCardKind; ranges: BinPrefixRangeSet }[];

  constructor(network: Pick<AcquirerNetwork, 'routes' | 'cardKinds'>) {
    this.kinds = network.cardKinds.map(({ kind, binRanges }) => ({ kind, ranges: new BinPrefixRangeSet(binRanges) }));
    this.routes = network.routes.map(({ acquirer, match }) => compile(acquirer, match));
  }

  /** The acquirer id for `card`; NoAcquirerRouteError (naming the BIN only) when no route matches. */
  route(card: RoutableCard): string {
    assertPanFormat(card.pan);
    const scheme = card.scheme ?? detectScheme(card.pan);
    const kind = this.cardKindOf(card.pan, scheme);
    const merchantId = card.merchantId?.trim();
    const found = this.routes.find(
      (route) =>
        (!route.binRanges || route.binRanges.matches(card.pan)) &&
        (!route.schemes || route.schemes.has(scheme)) &&
        (!route.cardKinds || (kind !== undefined && route.cardKinds.has(kind))) &&
        (!route.merchantIds || (merchantId !== undefined && route.merchantIds.has(merchantId))),
    );
    if (!found) throw new NoAcquirerRouteError(card.pan.slice(0, 6), scheme, kind, merchantId);
    return found.acquirer;
  }

  /** A configured kind (fleet, gift, mobile: the most specific range wins), else the scheme's kind. */
  cardKindOf(pan: string, scheme: string): CardKind | undefined {
    let best: { kind: ConfiguredCardKind; digits: number } | undefined;
    for (const { kind, ranges } of this.kinds) {
      const digits = ranges.longestMatch(pan);
      if (digits > (best?.digits ?? 0)) best = { kind, digits };
    }
    return best?.kind ?? KIND_OF_SCHEME[scheme as keyof typeof KIND_OF_SCHEME];
  }
}

function compile(acquirer: string, match: RouteMatch): CompiledRoute {
  return {
    acquirer,
    binRanges: match.binRanges && new BinPrefixRangeSet(match.binRanges),
    schemes: match.schemes && new Set(match.schemes),
    cardKinds: match.cardKinds && new Set(match.cardKinds),
    merchantIds: match.merchantIds && new Set(match.merchantIds),
  };
}
