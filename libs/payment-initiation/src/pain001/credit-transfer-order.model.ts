/** A party's bank account as a credit transfer names it: the holder's name, the IBAN and, optionally, the bank's BIC. */
export interface BankParty {
  /** Up to 140 characters (ISO 20022 Max140Text). */
  readonly name: string;
  readonly iban: string;
  /** BICFI (8 or 11 characters); without it the debtor's bank is `NOTPROVIDED` and the creditor's left out. */
  readonly bic?: string;
}

/** One credit transfer: an amount in minor units from the debtor's account to the creditor's. */
export interface CreditTransfer {
  /** The payer's reference carried to the statements of both banks: 1-35 characters. */
  readonly endToEndId: string;
  /** Integer minor units of `currency`, more than zero. */
  readonly amountMinor: bigint;
  /** ISO 4217 alphabetic code (its exponent gives the decimals written). */
  readonly currency: string;
  readonly debtor: BankParty;
  readonly creditor: BankParty;
  /** The day the debtor's bank is asked to execute it, `YYYY-MM-DD`. */
  readonly requestedExecutionDate: string;
  /** Unstructured remittance information: 1-140 characters. */
  readonly remittanceInfo: string;
}

/** A customer credit transfer initiation (pain.001): one message, its transfers grouped by debtor account, currency and date. */
export interface CreditTransferOrder {
  /** Unique per message for the debtor's bank: 1-35 characters. */
  readonly messageId: string;
  /** CreDtTm: fixed by the caller, so the same order writes the same bytes. */
  readonly createdAt: Date;
  readonly initiatingPartyName: string;
  readonly transfers: readonly CreditTransfer[];
}
