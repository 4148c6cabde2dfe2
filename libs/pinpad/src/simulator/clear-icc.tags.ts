import { decodeBerTlv, type TlvInput } from '@payments/iso8583';

/**
 * The EMV data objects a pad sends the bridge in clear (docs/pinpad-protocol.md §5.1): what DE 55
 * needs for an online authorisation, none carrying the PAN, track data or the cardholder's name.
 * Everything else (57, 5A, 56, 9F6B, 9F1F, 5F20, proprietary tags, ...) is dropped: PAN and track
 * travel only inside the encrypted card block.
 */
export const CLEAR_ICC_TAGS: ReadonlySet<string> = new Set([
  '4F', // application identifier (AID)
  '82', // application interchange profile
  '84', // dedicated file name
  '95', // terminal verification results
  '9A', // transaction date
  '9C', // transaction type
  '5F2A', // transaction currency code
  '5F34', // PAN sequence number (not the PAN)
  '9F02', // amount, authorised
  '9F03', // amount, other
  '9F09', // application version number
  '9F10', // issuer application data
  '9F1A', // terminal country code
  '9F26', // application cryptogram
  '9F27', // cryptogram information data
  '9F33', // terminal capabilities
  '9F34', // CVM results
  '9F35', // terminal type
  '9F36', // application transaction counter
  '9F37', // unpredictable number
  '9F41', // transaction sequence counter
  '9F6E', // form factor indicator
]);

/** Bit 6 of a tag's first byte: the value is more data objects (a template such as 70 or 77). */
function isTemplate(tag: string): boolean {
  return (parseInt(tag.slice(0, 2), 16) & 0x20) !== 0;
}

/**
 * The allowed data objects of `objects`, templates searched recursively (a template keeps only its
 * allowed children, and goes when none is left).
 */
export function clearIccTags(objects: readonly TlvInput[]): TlvInput[] {
  return objects.flatMap((object): TlvInput[] => {
    const tag = object.tag.toUpperCase();
    if (!isTemplate(tag)) return CLEAR_ICC_TAGS.has(tag) ? [{ tag, value: object.value }] : [];
    const children = clearIccTags(object.children ?? decodeBerTlv(object.value ?? ''));
    return children.length > 0 ? [{ tag, children }] : [];
  });
}
