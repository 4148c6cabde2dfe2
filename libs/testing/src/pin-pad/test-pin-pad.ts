import { Track2Input } from '@payments/card';
import {
  ANSI_TEST_BDK,
  ANSI_TEST_INITIAL_KSN,
  bytesToHex,
  CardDataBlock,
  deriveIpek,
  deriveTransactionKey,
  encryptCardData,
  encryptPinBlockFormat0,
  hexToBytes,
  KeySerialNumber,
  pinEncryptionKey,
} from '@payments/crypto';

export { ANSI_TEST_BDK, ANSI_TEST_INITIAL_KSN } from '@payments/crypto';

export interface TestPinPadOptions {
  /** Id under which the server's BdkStore holds the BDK. */
  readonly bdkId: string;
  /** BDK as 32 hex digits; used once to inject the IPEK, then dropped (as a key-injection facility would). */
  readonly bdk: string;
  /** KSN the IPEK was injected with; a non-zero counter resumes from that counter. */
  readonly initialKsn: string;
}

export type CardRead = Pick<Track2Input, 'pan' | 'expiry' | 'serviceCode' | 'discretionaryData'>;

/**
 * A thin PIN pad as the device-bridge sees it: it holds only its IPEK and KSN, steps the DUKPT
 * counter on every read (skipping counters X9.24 devices never use) and returns the card-data
 * block the server's CardDataDecryptor opens. Never logs or keeps the card data.
 */
export class TestPinPad {
  readonly bdkId: string;
  private readonly ipek: Buffer;
  private ksn: KeySerialNumber;

  constructor(options: TestPinPadOptions) {
    this.bdkId = options.bdkId;
    this.ksn = KeySerialNumber.parse(options.initialKsn, 'initialKsn');
    this.ipek = deriveIpek(hexToBytes(options.bdk, 'bdk', 16), this.ksn);
  }

  /** A pad keyed with the public ANSI test BDK. */
  static withAnsiTestKey(bdkId = 'ansi-test-bdk'): TestPinPad {
    return new TestPinPad({ bdkId, bdk: ANSI_TEST_BDK, initialKsn: ANSI_TEST_INITIAL_KSN });
  }

  /** KSN of the last read (the injected KSN before the first read). */
  get currentKsn(): string {
    return this.ksn.toHex();
  }

  /** Reads a card: next KSN, then track 2 equivalent data encrypted under that KSN's DUKPT data key. */
  readCard(card: CardRead): CardDataBlock {
    const ksn = this.ksn.next();
    const block = encryptCardData(this.ipek, this.bdkId, ksn, card);
    this.ksn = ksn;
    return block;
  }

  /**
   * The cardholder enters a PIN for the card just read: an ISO 9564 format 0 block under the DUKPT
   * PIN key of the same KSN (so the server takes the card block's KSN for it).
   */
  enterPin(pin: string, pan: string): { pinBlock: string; format: 0 } {
    const pinKey = pinEncryptionKey(deriveTransactionKey(this.ipek, this.ksn));
    try {
      return { pinBlock: bytesToHex(encryptPinBlockFormat0(pinKey, pin, pan)), format: 0 };
    } finally {
      pinKey.fill(0);
    }
  }
}
