import { lateApprovalReason, reversesApproval } from './late-approval.rules';

describe('reversesApproval', () => {
  it('reverses the approval of a money-moving operation of the register that gave up, and nothing else', () => {
    expect(reversesApproval({ terminalId: 'DEMO0007' }, { operation: 'refund', terminalId: 'DEMO0007' })).toBe(true);
    expect(reversesApproval(null, { operation: 'purchase', terminalId: 'DEMO0007' })).toBe(false);
    expect(reversesApproval({ terminalId: 'DEMO0007' }, { operation: 'cancel', terminalId: 'DEMO0007' })).toBe(false);
    expect(reversesApproval({ terminalId: 'DEMO0001' }, { operation: 'purchase', terminalId: 'DEMO0007' })).toBe(false);
  });

  it('says in the journal what the host approved and why it is reversed', () => {
    expect(lateApprovalReason('A1B2C3', 'the register did not receive the outcome within 8000 ms')).toBe(
      'host approved (approval code A1B2C3), but the register did not receive the outcome within 8000 ms: reversal queued',
    );
  });
});
