import { BadRequestException } from '@nestjs/common';

import { enumParam, intParam, uuidParam } from './path-param.pipes';

const param = { type: 'param' as const };

async function refusalOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error instanceof BadRequestException ? error.getResponse() : error;
  }
}

describe('path and query parameter pipes', () => {
  it('passes a UUID and names the parameter when it is none', async () => {
    await expect(uuidParam('promptId').transform('0b3c1c52-6f0e-4a8e-9f3b-2f6a1d2c3b4a', param)).resolves.toBe('0b3c1c52-6f0e-4a8e-9f3b-2f6a1d2c3b4a');
    await expect(refusalOf(() => uuidParam('promptId').transform('last', param))).resolves.toMatchObject({
      statusCode: 400,
      message: 'promptId: promptId must be a UUID',
    });
  });

  it('reads a whole number and names the parameter otherwise', async () => {
    await expect(intParam('batch').transform('12', param)).resolves.toBe(12);
    await expect(refusalOf(() => intParam('batch').transform('1.5', param))).resolves.toMatchObject({ message: 'batch: batch must be a whole number' });
  });

  it('takes an enum value and lists the values otherwise', async () => {
    const kinds = { full: 'full', short: 'short' };
    await expect(enumParam('kind', kinds).transform('short', param)).resolves.toBe('short');
    await expect(refusalOf(() => enumParam('kind', kinds).transform('long', param))).resolves.toMatchObject({
      message: 'kind: kind must be one of full, short',
    });
  });
});
