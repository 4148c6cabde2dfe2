/**
 * What a thin PIN pad sends for a card read (the device-bridge relays it untouched, never seeing
 * clear data): the id of the BDK its key was derived from, the KSN of this read, and the track 2
 * equivalent data (ASCII `PAN=YYMMSSS...`, 0x00-padded) encrypted under the DUKPT data key,
 * TDES-CBC with zero IV, as upper-case hex.
 */
export interface CardDataBlock {
  readonly bdkId: string;
  /** 20 hex digits. */
  readonly ksn: string;
  /** Hex, a multiple of 16 digits. */
  readonly ciphertext: string;
}

/** Track 2 is at most 37 characters (ISO/IEC 7813), so 40 bytes once padded. */
export const CARD_DATA_MAX_CIPHERTEXT_BYTES = 40;
