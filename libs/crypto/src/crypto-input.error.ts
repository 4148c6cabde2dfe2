/**
 * Bad key material, key ids, KSNs or ciphertext. Messages name the field and the rule broken;
 * they never carry key bytes, PANs or decrypted data (PCI DSS 3.5, 3.6).
 */
export class CryptoInputError extends Error {
  override readonly name = 'CryptoInputError';

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}
