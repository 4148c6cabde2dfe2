import { CliInputError } from '../runner/cli-input.error';

/**
 * Strict hex for an option value, with a reason per fault (empty, non-hex, odd length) that names
 * the option and the position but never echoes the value: it may hold a PAN. (The hexToBytes of
 * @payments/crypto gives one reason for every fault and would load the whole crypto library.)
 */
export function parseHexOption(option: string, hex: string): Buffer {
  if (hex.length === 0) throw new CliInputError(`${option} is empty`);
  const bad = hex.search(/[^0-9A-Fa-f]/);
  if (bad >= 0) throw new CliInputError(`${option} has a non-hex character at position ${bad}`);
  if (hex.length % 2 !== 0) throw new CliInputError(`${option} has an odd number of hex digits (${hex.length})`);
  return Buffer.from(hex, 'hex');
}
