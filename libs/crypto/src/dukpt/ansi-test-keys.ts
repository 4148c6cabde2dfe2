/**
 * ANSI X9.24-1:2009 Annex A test BDK and initial KSN: public values, for tests, the embedded demo
 * and the CLI's test cards only (the server refuses them when NODE_ENV=production).
 */
export const ANSI_TEST_BDK = '0123456789ABCDEFFEDCBA9876543210';
export const ANSI_TEST_INITIAL_KSN = 'FFFF9876543210E00000';

/**
 * ANSI X9.24-3-2017 Annex B sample AES BDKs and initial key id (BDK id 12345678, derivation id
 * 90123456): public values, for tests and the CLI's test PIN pads only.
 */
export const ANSI_AES128_TEST_BDK = 'FEDCBA9876543210F1F1F1F1F1F1F1F1';
export const ANSI_AES256_TEST_BDK = 'FEDCBA9876543210F1F1F1F1F1F1F1F1FEDCBA9876543210F1F1F1F1F1F1F1F1';
export const ANSI_AES_TEST_INITIAL_KSN = '123456789012345600000000';
