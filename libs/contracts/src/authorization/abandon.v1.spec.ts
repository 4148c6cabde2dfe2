import { parseMessage } from '../core/schema-violation.error';
import { abandonV1, isReversedOnAbandonment } from './abandon.v1';

const command = {
  transactionId: '0d7f4a52-3c1e-4b8a-9f36-2a5b7c8d9e01',
  terminalId: 'DEMO0007',
  reason: 'the register did not receive the outcome within 8000 ms',
  abandonedAt: '2026-11-30T10:00:08.000Z',
};

describe('authorization.abandon.v1', () => {
  it('accepts what the gateway sends', () => {
    expect(parseMessage(abandonV1.name, abandonV1.schema, command)).toEqual(command);
  });

  it('names the offending field of a malformed command', () => {
    expect(() => parseMessage(abandonV1.name, abandonV1.schema, { ...command, terminalId: 'DEMO-0007', reason: '' })).toThrow(
      /terminalId: terminal id.*reason:/,
    );
  });

  it('reverses what moves or holds money, never a cancel, a balance inquiry or a card read', () => {
    const reversed = ['purchase', 'cash_withdrawal', 'top_up', 'preauthorization', 'completion', 'refund'];
    const standing = ['cancel', 'emergency_cancel', 'balance_inquiry', 'card_data'];

    expect(reversed.filter(isReversedOnAbandonment)).toEqual(reversed);
    expect(standing.filter(isReversedOnAbandonment)).toEqual([]);
  });
});
