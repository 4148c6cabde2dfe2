/**
 * ANSI X9.24-1:2009 Annex A test BDK and initial KSN: public values, for tests, the embedded demo
 * and the CLI's test cards only (the server refuses them when NODE_ENV=production).
 */
export const ANSI_TEST_BDK = '0123456789ABCDEFFEDCBA9876543210';
export const ANSI_TEST_INITIAL_KSN = 'FFFF9876543210E00000';
