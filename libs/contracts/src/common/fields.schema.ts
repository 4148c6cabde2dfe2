import { z } from 'zod';

/** Amount in minor units as a string of digits: JSON-safe for any bigint, never floating point. ISO 8583 field 4 is n12. */
export const amountMinorSchema = z.string().regex(/^(0|[1-9][0-9]{0,11})$/, 'amount in minor units: 1 to 12 digits, no sign, no decimals');
/** ISO 4217 alphabetic code. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 alphabetic currency code');
/** ISO 8583 field 41 (card acceptor terminal id, ans 8). */
export const terminalIdSchema = z.string().regex(/^[A-Za-z0-9]{1,8}$/, 'terminal id: 1-8 letters or digits');
/** ISO 8583 field 42 (card acceptor id code, ans 15). */
export const merchantIdSchema = z.string().regex(/^[A-Za-z0-9]{1,15}$/, 'merchant id: 1-15 letters or digits');
export const uuidSchema = z.string().uuid();
/** Masked PAN: first 6 and last 4 in clear (PCI DSS 3.4.1). */
export const maskedPanSchema = z.string().regex(/^[0-9]{6}\*+[0-9]{4}$/, 'masked PAN');
export const cardTokenSchema = z.string().regex(/^tok_[A-Za-z0-9]+$/, 'card token');
export const responseCodeSchema = z.string().regex(/^[0-9A-Z]{2}$/, 'ISO 8583 field 39 response code');

/** A DUKPT key serial number: 20 hex digits (TDES, ANSI X9.24-1) or 24 (AES, X9.24-3). */
export const DUKPT_KSN_PATTERN = /^([0-9A-F]{20}|[0-9A-F]{24})$/;

/** Card data as a thin PIN pad delivers it: encrypted under DUKPT (TDES or AES), never clear (ARCHITECTURE.md). */
export const encryptedCardDataSchema = z.object({
  bdkId: z.string().min(1).max(32),
  ksn: z.string().regex(DUKPT_KSN_PATTERN, 'KSN: 20 (TDES DUKPT) or 24 (AES DUKPT) uppercase hex digits'),
  ciphertext: z
    .string()
    .regex(/^([0-9A-F]{16})+$/, 'ciphertext: uppercase hex, whole 8-byte blocks')
    .max(512),
});
export type EncryptedCardData = z.infer<typeof encryptedCardDataSchema>;

/** ISO 9564 PIN block formats taken: 0 under a TDES DUKPT PIN key, 4 under an AES DUKPT one. */
export const PIN_BLOCK_FORMATS = [0, 4] as const;

/**
 * An online PIN as the thin PIN pad encrypted it, under the DUKPT PIN key of `ksn` (the card
 * block's KSN when absent), from the card block's BDK: an ISO 9564 format 0 block (16 hex digits)
 * with a TDES KSN, or a format 4 block (32 hex digits) with an AES KSN (pinFormatProblemOf).
 * Never clear, never stored: the server translates it for the one host request that carries it.
 */
export const encryptedPinSchema = z.object({
  pinBlock: z.string().regex(/^([0-9A-Fa-f]{16}|[0-9A-Fa-f]{32})$/, 'pin.pinBlock: 16 hex digits (ISO 9564 format 0) or 32 (format 4)'),
  format: z
    .number()
    .int()
    .refine((format) => format === 0 || format === 4, 'pin.format: 0 (ISO 9564 format 0, TDES DUKPT) or 4 (format 4, AES DUKPT)'),
  ksn: z.string().regex(DUKPT_KSN_PATTERN, 'pin.ksn: 20 (TDES DUKPT) or 24 (AES DUKPT) uppercase hex digits').optional(),
});
export type EncryptedPin = z.infer<typeof encryptedPinSchema>;

/**
 * What is wrong with a PIN's format for the KSN it comes under (`pin.ksn`, else the card's), or
 * undefined: format 0 goes with a 20-hex-digit TDES KSN and a 16-hex-digit block, format 4 with a
 * 24-hex-digit AES KSN and a 32-hex-digit block. The message names the field at fault.
 */
export function pinFormatProblemOf(pin: Pick<EncryptedPin, 'pinBlock' | 'format' | 'ksn'>, cardKsn: string): string | undefined {
  const ksn = pin.ksn ?? cardKsn;
  const aes = ksn.length === 24;
  const source = pin.ksn === undefined ? "the card block's KSN" : 'pin.ksn';
  if (pin.format === 0 && aes)
    return `pin.format: 0 (ISO 9564 format 0) is for a TDES DUKPT PIN pad, ${source} is an AES DUKPT KSN (24 hex digits): send format 4`;
  if (pin.format === 4 && !aes)
    return `pin.format: 4 (ISO 9564 format 4) is for an AES DUKPT PIN pad, ${source} is a TDES DUKPT KSN (20 hex digits): send format 0`;
  const digits = pin.format === 4 ? 32 : 16;
  if (pin.pinBlock.length !== digits) return `pin.pinBlock: a format ${pin.format} PIN block is ${digits} hex digits, has ${pin.pinBlock.length}`;
  return undefined;
}

export const entryModeSchema = z.enum(['chip', 'contactless', 'magstripe']);
export type EntryMode = z.infer<typeof entryModeSchema>;
