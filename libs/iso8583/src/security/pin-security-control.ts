/**
 * DE 53 (security related control information, n16 in ISO 8583:1987) of a request that carries
 * a PIN block in DE 52, in the layout the Visa-style hosts use and the acquirer simulator checks:
 * positions 1-2 security format code `20` (PIN under a zone key shared with the host), 3-4 PIN
 * encryption algorithm `01` (TDES), 5-6 PIN block format `01` (ISO 9564 format 0), 7-8 zone key
 * index `01` (the first zone PIN key agreed with the acquirer), 9-16 zero (reserved).
 */
export const ZONE_PIN_FORMAT0_SECURITY_CONTROL = '2001010100000000';
