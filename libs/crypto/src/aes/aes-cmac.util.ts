import { xorBytes } from '../bytes.util';
import { AES_BLOCK, aesEncryptEcb } from './aes.cipher';

/** NIST SP 800-38B / RFC 4493: R_128, the constant folded in when a doubled subkey overflows. */
const R_128 = 0x87;

/** RFC 4493 2.3: multiplication by x in GF(2^128), a left shift with R_128 on overflow. */
function double(block: Buffer): Buffer {
  const out = Buffer.alloc(AES_BLOCK);
  for (let i = 0; i < AES_BLOCK; i += 1) {
    out[i] = (((block[i] ?? 0) << 1) | ((block[i + 1] ?? 0) >>> 7)) & 0xff;
  }
  if (((block[0] ?? 0) & 0x80) !== 0) out[AES_BLOCK - 1] = (out[AES_BLOCK - 1] ?? 0) ^ R_128;
  return out;
}

/**
 * AES-CMAC (RFC 4493, NIST SP 800-38B) of `message` under an AES-128/192/256 key: the full
 * 16-byte tag; callers truncate (leftmost bytes) where their protocol says so.
 */
export function aesCmac(key: Uint8Array, message: Uint8Array): Buffer {
  const k1 = double(aesEncryptEcb(key, Buffer.alloc(AES_BLOCK)));
  const k2 = double(k1);
  const blocks = Math.max(1, Math.ceil(message.length / AES_BLOCK));
  const complete = message.length > 0 && message.length % AES_BLOCK === 0;
  const last = Buffer.alloc(AES_BLOCK);
  last.set(message.subarray((blocks - 1) * AES_BLOCK));
  if (!complete) last[message.length - (blocks - 1) * AES_BLOCK] = 0x80;
  let state: Buffer = Buffer.alloc(AES_BLOCK);
  for (let i = 0; i < blocks - 1; i += 1) {
    state = aesEncryptEcb(key, xorBytes(state, message.subarray(i * AES_BLOCK, (i + 1) * AES_BLOCK)));
  }
  return aesEncryptEcb(key, xorBytes(state, xorBytes(last, complete ? k1 : k2)));
}
