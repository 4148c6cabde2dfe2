import { ISO87_ASCII_SPEC } from '../spec/iso87ascii.fields';
import { ISO87_BINARY_SPEC } from '../spec/iso87binary.fields';
import { ISO93_ASCII_SPEC } from '../spec/iso93ascii.fields';
import { ISO93_BINARY_SPEC } from '../spec/iso93binary.fields';
import { ZONE_PIN_FORMAT0_SECURITY_CONTROL, zonePinSecurityControlFor } from './pin-security-control';

describe('zonePinSecurityControlFor', () => {
  it.each([ISO87_ASCII_SPEC, ISO87_BINARY_SPEC])('gives the ISO 8583:1987 n16 DE 53 for $name', (spec) => {
    expect(zonePinSecurityControlFor(spec)).toBe(ZONE_PIN_FORMAT0_SECURITY_CONTROL);
  });

  it.each([ISO93_ASCII_SPEC, ISO93_BINARY_SPEC])('has none for $name, whose DE 53 is another (binary, network-defined) layout', (spec) => {
    expect(zonePinSecurityControlFor(spec)).toBeUndefined();
  });
});
