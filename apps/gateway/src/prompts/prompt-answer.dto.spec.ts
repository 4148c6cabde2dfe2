import { refusalOf } from '@payments/runtime';

import { PromptAnswerDto } from './prompt-answer.dto';

describe(PromptAnswerDto.name, () => {
  it('takes what the cashier keyed', async () => {
    await expect(refusalOf(PromptAnswerDto, { value: '0010' })).resolves.toBeUndefined();
  });

  it('names the missing, the wrongly typed and the empty value once each', async () => {
    await expect(refusalOf(PromptAnswerDto, {})).resolves.toMatchObject({
      message: ["value: value is required (what the cashier keyed, as the prompt's input asks)"],
    });
    await expect(refusalOf(PromptAnswerDto, { value: 10 })).resolves.toMatchObject({ message: ['value: value must be a string (what the cashier keyed)'] });
    await expect(refusalOf(PromptAnswerDto, { value: '' })).resolves.toMatchObject({ message: ['value: value must be 1-64 characters'] });
  });
});
