import { parseMessage } from '../core/schema-violation.error';
import { actionAuditedV1 } from './action-audited.v1';

describe('operator.action.audited.v1', () => {
  const event = {
    id: '7f0c1c3e-3f5e-4a59-9d55-0c7a4d0b8a11',
    at: '2026-12-07T20:00:00.000Z',
    realm: 'operator',
    actorId: 'key:1a2b3c4d5e6f',
    actorName: 'key:1a2b3c4d5e6f',
    role: 'admin',
    action: 'POST /v1/settlement/batches',
    resource: '/v1/settlement/batches',
    outcome: 'allowed',
    service: 'settlement',
    ip: '10.0.0.7',
    userAgent: null,
    before: null,
    after: { status: 201 },
  } as const;

  it('takes an audited action as published', () => {
    expect(parseMessage(actionAuditedV1.name, actionAuditedV1.schema, event)).toEqual(event);
  });

  it('refuses an unknown outcome and a line without an actor', () => {
    expect(() => parseMessage(actionAuditedV1.name, actionAuditedV1.schema, { ...event, outcome: 'ok' })).toThrow(/outcome/);
    expect(() => parseMessage(actionAuditedV1.name, actionAuditedV1.schema, { ...event, actorId: '' })).toThrow(/actorId/);
  });
});
