import { z } from 'zod';

import { SchemaViolationError, parseMessage } from './schema-violation.error';
import { deadLetterTopicOf, defineCommand, defineEvent } from './topic.contract';

describe('topic contracts', () => {
  it('accepts names of the documented shapes', () => {
    expect(defineEvent('payments.transaction.authorized.v1', z.object({})).name).toBe('payments.transaction.authorized.v1');
    expect(defineCommand('authorization.authorize.v1', z.object({})).name).toBe('authorization.authorize.v1');
    expect(deadLetterTopicOf('authorization.authorize.v1')).toBe('authorization.authorize.v1.DLT');
  });

  it('rejects a name that does not follow the convention', () => {
    expect(() => defineEvent('TransactionAuthorized', z.object({}))).toThrow(/<domain>\.<entity>\.<event>\.v<N>/);
    expect(() => defineCommand('authorize', z.object({}))).toThrow(/<service>\.<command>\.v<N>/);
  });

  it('names the offending field when a message violates its schema', () => {
    const schema = z.object({ amount: z.string().regex(/^\d+$/) });
    expect(() => parseMessage('t.e.x.v1', schema, { amount: '12.5' })).toThrow(SchemaViolationError);
    expect(() => parseMessage('t.e.x.v1', schema, { amount: '12.5' })).toThrow(/amount:/);
  });
});
