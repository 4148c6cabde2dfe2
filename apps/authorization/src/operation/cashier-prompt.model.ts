import type { PromptInput, PromptKind } from '@payments/contracts';
import { formatMoney } from '@payments/money';

/** A prompt as the register shows it: the line and the kind of input it takes. */
export interface PromptSpec {
  readonly kind: PromptKind;
  readonly text: string;
  readonly input: PromptInput;
}

export const confirmLast4Prompt = (): PromptSpec => ({
  kind: 'confirm_last4',
  text: 'KEY IN THE LAST 4 DIGITS PRINTED ON THE CARD',
  input: { type: 'digits', length: 4 },
});

export const enterOriginalRrnPrompt = (): PromptSpec => ({
  kind: 'enter_original_rrn',
  text: 'KEY IN THE RRN FROM THE ORIGINAL RECEIPT',
  input: { type: 'text', maxLength: 12 },
});

export const acceptPartialApprovalPrompt = (approvedMinor: bigint, requestedMinor: bigint, currency: string): PromptSpec => ({
  kind: 'accept_partial_approval',
  text: `APPROVED ${formatMoney(approvedMinor, currency)} OF ${formatMoney(requestedMinor, currency)}. ACCEPT?`,
  input: { type: 'confirm' },
});

/** The answer as the operation uses it, or why it does not fit the input (the prompt stays open). */
export type ParsedAnswer = { ok: true; value: string } | { ok: false; reason: string };

export function parseAnswer(input: PromptInput, raw: string): ParsedAnswer {
  const value = raw.trim();
  switch (input.type) {
    case 'digits':
      return new RegExp(`^[0-9]{${input.length}}$`).test(value) ? { ok: true, value } : { ok: false, reason: `value: key in exactly ${input.length} digits` };
    case 'text':
      return /^[A-Za-z0-9]+$/.test(value) && value.length <= input.maxLength
        ? { ok: true, value: value.toUpperCase() }
        : { ok: false, reason: `value: key in 1 to ${input.maxLength} letters or digits` };
    case 'confirm': {
      const answer = value.toLowerCase();
      return answer === 'yes' || answer === 'no' ? { ok: true, value: answer } : { ok: false, reason: 'value: answer yes or no' };
    }
  }
}
