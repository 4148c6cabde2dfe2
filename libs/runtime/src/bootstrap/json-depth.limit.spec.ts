import { BadRequestException } from '@nestjs/common';

import { jsonDepthOf, MAX_JSON_DEPTH, refuseDeepJson } from './json-depth.limit';

const text = (json: string) => Buffer.from(json, 'utf8');
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('JSON depth limit', () => {
  it('measures how deep objects and arrays nest', () => {
    expect(jsonDepthOf(text('1250'))).toBe(0);
    expect(jsonDepthOf(text('{"amount":1250,"card":{"ksn":"F"}}'))).toBe(2);
    expect(jsonDepthOf(text('[{"a":[1,{"b":[]}]}]'))).toBe(5);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthOf(text('{"text":"[[[{{{ \\" [[[ \\\\"}'))).toBe(1);
  });

  it('stops reading once past the limit', () => {
    expect(jsonDepthOf(text(nested(3_000)), 32)).toBe(33);
  });

  it('lets the limit itself through and refuses one level more with a 400 naming the body', () => {
    const verify = refuseDeepJson();
    expect(() => verify({}, {}, text(nested(MAX_JSON_DEPTH)))).not.toThrow();
    const refusal = (() => {
      try {
        verify({}, {}, text(nested(MAX_JSON_DEPTH + 1)));
      } catch (error) {
        return error as BadRequestException;
      }
    })();
    expect(refusal?.getStatus()).toBe(400);
    expect(refusal?.message).toBe(`body: JSON nested deeper than ${MAX_JSON_DEPTH} levels is refused`);
  });

  it('keeps the exact bytes it accepts on the request as rawBody (a signed body is verified over them), and none it refuses', () => {
    const verify = refuseDeepJson();
    const accepted: { rawBody?: Buffer } = {};
    const refused: { rawBody?: Buffer } = {};
    verify(accepted, {}, text('{ "amount" : 1250 }'));
    expect(() => verify(refused, {}, text(nested(MAX_JSON_DEPTH + 1)))).toThrow();
    expect(accepted.rawBody?.toString('utf8')).toBe('{ "amount" : 1250 }');
    expect(refused.rawBody).toBeUndefined();
  });
});
