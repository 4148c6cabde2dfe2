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

/** Card data as a thin PIN pad delivers it: encrypted under DUKPT, never clear (ARCHITECTURE.md). */
export const encryptedCardDataSchema = z.object({
  bdkId: z.string().min(1).max(32),
  ksn: z.string().regex(/^[0-9A-F]{20}$/, 'KSN: 20 uppercase hex digits'),
  ciphertext: z
    .string()
    .regex(/^([0-9A-F]{16})+$/, 'ciphertext: uppercase hex, whole 8-byte blocks')
    .max(512),
});
export type EncryptedCardData = z.infer<typeof encryptedCardDataSchema>;

/**
 * An online PIN as the thin PIN pad encrypted it: an ISO 9564 format 0 block under the TDES DUKPT
 * PIN key of `ksn` (the card block's KSN when absent), from the card block's BDK. Never clear,
 * never stored: the server translates it for the one host request that carries it.
 */
export const encryptedPinSchema = z.object({
  pinBlock: z.string().regex(/^[0-9A-Fa-f]{16}$/, 'pin.pinBlock: 16 hex digits (ISO 9564 format 0)'),
  format: z
    .number()
    .int()
    .refine((format) => format === 0, 'pin.format: only 0 (ISO 9564 format 0) is taken'),
  ksn: z
    .string()
    .regex(/^[0-9A-F]{20}$/, 'pin.ksn: 20 uppercase hex digits')
    .optional(),
});
export type EncryptedPin = z.infer<typeof encryptedPinSchema>;

export const entryModeSchema = z.enum(['chip', 'contactless', 'magstripe']);
export type EntryMode = z.infer<typeof entryModeSchema>;
