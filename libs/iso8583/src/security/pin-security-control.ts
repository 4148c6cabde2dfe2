import type { Iso8583Spec } from '../spec/iso8583-spec.types';

/**
 * DE 53 (security related control information, n16 in ISO 8583:1987) of a request that carries
 * a PIN block in DE 52, in the layout the Visa-style hosts use and the acquirer simulator checks:
 * positions 1-2 security format code `20` (PIN under a zone key shared with the host), 3-4 PIN
 * encryption algorithm `01` (TDES), 5-6 PIN block format `01` (ISO 9564 format 0), 7-8 zone key
 * index `01` (the first zone PIN key agreed with the acquirer), 9-16 zero (reserved).
 */
export const ZONE_PIN_FORMAT0_SECURITY_CONTROL = '2001010100000000';

/**
 * The DE 53 to send with a zone PIN block in DE 52 under a dialect, or undefined when this
 * platform has no layout for it there: it has one where DE 52 is b8 and DE 53 the ISO 8583:1987
 * fixed n16 (iso87ascii, iso87binary and the dialects that keep those two fields). ISO 8583:1993
 * makes DE 53 an LLVAR binary field whose layout each network defines (iso93ascii, iso93binary):
 * a PIN for such an acquirer is refused, never sent in a malformed request.
 */
export function zonePinSecurityControlFor(spec: Pick<Iso8583Spec, 'fields'>): string | undefined {
  const pinData = spec.fields[52];
  const control = spec.fields[53];
  const pinDataFits = pinData?.lengthType === 'FIXED' && pinData.maxLength === 8 && pinData.contentClass === 'b';
  const controlFits = control?.lengthType === 'FIXED' && control.maxLength === 16 && control.contentClass === 'n';
  return pinDataFits && controlFits ? ZONE_PIN_FORMAT0_SECURITY_CONTROL : undefined;
}
