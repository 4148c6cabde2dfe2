import { acceptPartialApprovalPrompt, confirmLast4Prompt, enterOriginalRrnPrompt, parseAnswer } from './cashier-prompt.model';

describe('cashier prompts', () => {
  it('asks for a partial approval in the currency of the operation, as a yes/no question', () => {
    expect(acceptPartialApprovalPrompt(3000n, 5000n, 'EUR')).toEqual({
      kind: 'accept_partial_approval',
      text: 'APPROVED 30.00 EUR OF 50.00 EUR. ACCEPT?',
      input: { type: 'confirm' },
    });
    expect(acceptPartialApprovalPrompt(300n, 500n, 'JPY').text).toBe('APPROVED 300 JPY OF 500 JPY. ACCEPT?');
  });

  it.each([
    ['four digits', confirmLast4Prompt().input, ' 4242 ', { ok: true, value: '4242' }],
    ['three digits', confirmLast4Prompt().input, '424', { ok: false, reason: 'value: key in exactly 4 digits' }],
    ['letters for digits', confirmLast4Prompt().input, '42a2', { ok: false, reason: 'value: key in exactly 4 digits' }],
    ['an RRN, upper-cased', enterOriginalRrnPrompt().input, '63260500001a', { ok: true, value: '63260500001A' }],
    ['an RRN too long', enterOriginalRrnPrompt().input, '1234567890123', { ok: false, reason: 'value: key in 1 to 12 letters or digits' }],
    ['an RRN with a space', enterOriginalRrnPrompt().input, '1234 567', { ok: false, reason: 'value: key in 1 to 12 letters or digits' }],
    ['yes', { type: 'confirm' as const }, 'YES', { ok: true, value: 'yes' }],
    ['no', { type: 'confirm' as const }, 'no', { ok: true, value: 'no' }],
    ['maybe', { type: 'confirm' as const }, 'maybe', { ok: false, reason: 'value: answer yes or no' }],
  ])('takes or refuses %s', (_case, input, raw, expected) => {
    expect(parseAnswer(input, raw)).toEqual(expected);
  });
});
