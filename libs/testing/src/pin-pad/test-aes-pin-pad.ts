import {
  AesDukptKeyUsage,
  AesKeySerialNumber,
  ANSI_AES128_TEST_BDK,
  ANSI_AES256_TEST_BDK,
  ANSI_AES_TEST_INITIAL_KSN,
  aesKeyTypeOf,
  bytesToHex,
  CardDataBlock,
  deriveAesInitialKey,
  deriveAesTransactionKey,
  deriveAesWorkingKey,
  encryptAesCardData,
  encryptPinBlockFormat4,
  hexToBytes,
} from '@payments/crypto';

import type { CardRead } from './test-pin-pad';

export interface TestAesPinPadOptions {
  /** Id under which the server's BdkStore holds the AES BDK (a CARD_BDKS entry `id:aes128:...` or `id:aes256:...`). */
  readonly bdkId: string;
  /** AES-128 (32 hex digits) or AES-256 (64) BDK; used once to load the initial key, then dropped. */
  readonly bdk: string;
  /** 24 hex digits: the initial key id (8 bytes) and the counter to resume from (4 bytes). */
  readonly initialKsn: string;
}

/** The id the development CARD_BDKS gives each X9.24-3 sample BDK. */
export const ANSI_AES_TEST_BDK_IDS = { aes128: 'ansi-aes128-test-bdk', aes256: 'ansi-aes256-test-bdk' } as const;

/**
 * A thin PIN pad keyed for AES DUKPT (ANSI X9.24-3), the twin of TestPinPad: it holds only its
 * initial key and KSN, steps the 32-bit counter on every read (skipping counters with more than
 * 16 one-bits), encrypts card reads under the "data encryption, encrypt" key and PINs as ISO 9564
 * format 4 blocks under the PIN encryption key of the same KSN. Never logs or keeps card data.
 */
export class TestAesPinPad {
  readonly bdkId: string;
  private readonly initialKey: Buffer;
  private ksn: AesKeySerialNumber;

  constructor(options: TestAesPinPadOptions) {
    this.bdkId = options.bdkId;
    this.ksn = AesKeySerialNumber.parse(options.initialKsn, 'initialKsn');
    const bdk = hexToBytes(options.bdk, 'bdk');
    aesKeyTypeOf(bdk, 'bdk');
    this.initialKey = deriveAesInitialKey(bdk, this.ksn);
    bdk.fill(0);
  }

  /** A pad keyed with the X9.24-3 sample BDK of that size, under its id in the development CARD_BDKS. */
  static withAnsiTestKey(keyType: 'aes128' | 'aes256' = 'aes128', bdkId: string = ANSI_AES_TEST_BDK_IDS[keyType]): TestAesPinPad {
    return new TestAesPinPad({ bdkId, bdk: keyType === 'aes128' ? ANSI_AES128_TEST_BDK : ANSI_AES256_TEST_BDK, initialKsn: ANSI_AES_TEST_INITIAL_KSN });
  }

  /** KSN of the last read (the injected KSN before the first read). */
  get currentKsn(): string {
    return this.ksn.toHex();
  }

  /** Reads a card: next KSN, then track 2 equivalent data encrypted under that KSN's AES data key. */
  readCard(card: CardRead): CardDataBlock {
    const ksn = this.ksn.next();
    const block = encryptAesCardData(this.initialKey, this.bdkId, ksn, card);
    this.ksn = ksn;
    return block;
  }

  /**
   * The cardholder enters a PIN for the card just read: an ISO 9564 format 4 block under the AES
   * DUKPT PIN key of the same KSN (so the server takes the card block's KSN for it).
   */
  enterPin(pin: string, pan: string): { pinBlock: string; format: 4 } {
    const transactionKey = deriveAesTransactionKey(this.initialKey, this.ksn);
    const pinKey = deriveAesWorkingKey(transactionKey, this.ksn, AesDukptKeyUsage.pinEncryption);
    try {
      return { pinBlock: bytesToHex(encryptPinBlockFormat4(pinKey, pin, pan)), format: 4 };
    } finally {
      transactionKey.fill(0);
      pinKey.fill(0);
    }
  }
}
