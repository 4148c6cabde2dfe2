import type { CardScheme } from '@payments/card';

/**
 * What a route can match besides the scheme: the international schemes, and card kinds known only
 * from BIN ranges in the acquirer configuration: closed-loop `fleet` and `gift` cards, and `mobile`
 * (tokenized device PANs, which sit inside the schemes' own ranges).
 */
export const CARD_KINDS = ['visa', 'mastercard', 'amex', 'diners', 'fleet', 'gift', 'mobile'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** Kinds recognised from configured BIN ranges only. */
export const CONFIGURED_CARD_KINDS = ['fleet', 'gift', 'mobile'] as const;
export type ConfiguredCardKind = (typeof CONFIGURED_CARD_KINDS)[number];

/** The kind a scheme (libs/card) stands for when no configured range says otherwise. */
export const KIND_OF_SCHEME: Partial<Record<CardScheme, CardKind>> = {
  visa: 'visa',
  mastercard: 'mastercard',
  amex: 'amex',
  diners: 'diners',
  fleet: 'fleet',
  gift: 'gift',
};
