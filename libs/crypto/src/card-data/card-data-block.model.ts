import { AesDukptKeyUsage } from '../dukpt/aes-dukpt.kdf';

/**
 * What a thin PIN pad sends for a card read (the device-bridge relays it untouched, never seeing
 * clear data): the id of the BDK its key was derived from, the KSN of this read, and the track 2
 * equivalent data (ASCII `PAN=YYMMSSS...`, 0x00-padded) encrypted under the DUKPT data key, as
 * upper-case hex. TDES DUKPT (X9.24-1, 20-hex KSN): TDES-CBC, zero IV. AES DUKPT (X9.24-3, 24-hex
 * KSN): AES-CBC, zero IV, under the working key of usage "data encryption, encrypt" (CARD_DATA_AES_KEY_USAGE).
 */
export interface CardDataBlock {
  readonly bdkId: string;
  /** 20 hex digits (TDES DUKPT) or 24 (AES DUKPT). */
  readonly ksn: string;
  /** Hex, a multiple of 16 digits (TDES) or 32 (AES). */
  readonly ciphertext: string;
}

/** Track 2 is at most 37 characters (ISO/IEC 7813), so 40 bytes once padded to 8-byte blocks. */
export const CARD_DATA_MAX_CIPHERTEXT_BYTES = 40;
/** The same under AES: 48 bytes once padded to 16-byte blocks. */
export const CARD_DATA_MAX_AES_CIPHERTEXT_BYTES = 48;

/**
 * X9.24-3-2017 key usage of the card-data key: "data encryption, encrypt" (0x3000), the key the
 * transaction-originating device encrypts its request data with and the host decrypts it with
 * ("decrypt", 0x3001, is for the host's responses; "both ways", 0x3002, for either).
 */
export const CARD_DATA_AES_KEY_USAGE = AesDukptKeyUsage.dataEncryptionEncrypt;
