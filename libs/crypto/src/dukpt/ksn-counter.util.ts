import { CryptoInputError } from '../crypto-input.error';

/** How many one-bits a transaction counter has (TDES counters: 21 bits, AES: 32). */
export function oneBits(counter: number): number {
  let count = 0;
  for (let v = counter; v !== 0; v >>>= 1) count += v & 1;
  return count;
}

/**
 * The counter a DUKPT device uses after `counter` (X9.24-1 A.2, X9.24-3 "Update State for next
 * Transaction"): +1, and while that has more than `maxOneBits` one-bits, + its lowest one-bit.
 * Past `maxCounter` the device has no key left and must be loaded with a new initial key.
 */
export function nextDeviceCounter(counter: number, maxCounter: number, maxOneBits: number): number {
  let next = counter + 1;
  while (next <= maxCounter && oneBits(next) > maxOneBits) {
    next += (next & -next) >>> 0;
  }
  if (next > maxCounter) {
    throw new CryptoInputError('ksn', 'transaction counter exhausted, the device needs a new initial key');
  }
  return next;
}
