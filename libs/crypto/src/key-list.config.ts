import { hexToBytes } from './bytes.util';
import { CryptoInputError } from './crypto-input.error';

/**
 * Reads configuration text `id:<hex>,...` (BDKs, zone PIN keys) into id/key pairs of `byteLength`
 * bytes. Errors name the entry (`field[index]` or `field.id`), never the key material.
 */
export function parseKeyList(spec: string, field: string, byteLength: number, idName = 'id'): Array<[string, Buffer]> {
  return spec
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry, index): [string, Buffer] => {
      const colon = entry.indexOf(':');
      if (colon <= 0) throw new CryptoInputError(`${field}[${index}]`, `must be ${idName}:hexKey`);
      const id = entry.slice(0, colon);
      return [id, hexToBytes(entry.slice(colon + 1), `${field}.${id}`, byteLength)];
    });
}
