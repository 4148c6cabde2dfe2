import type { CallHandler, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { lastValueFrom, of } from 'rxjs';

import type { AuditLine, AuditSink } from '@payments/identity';

import { DEFAULT_OPERATOR_ACCESS } from './operator-access.settings';
import { OperatorAuditInterceptor } from './operator-audit.interceptor';
import { setActor } from './operator-request';

describe(OperatorAuditInterceptor.name, () => {
  const request = { method: 'POST', path: '/v1/terminals/T1/key', originalUrl: '/v1/terminals/T1/key', headers: {}, socket: {} } as unknown as Request;
  setActor(request, { realm: 'operator', id: 'op-1', name: 'night-duty', role: 'admin', kind: 'session' });
  const context = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({ statusCode: 200 }) }) } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of({ apiKey: 'shown-once' }) };

  it('writes the audit line of a state-changing call, then answers', async () => {
    const lines: AuditLine[] = [];
    const sink: AuditSink = { record: (line) => Promise.resolve(void lines.push(line)) };
    const answer = await lastValueFrom(new OperatorAuditInterceptor(sink, DEFAULT_OPERATOR_ACCESS).intercept(context, next));
    expect(answer).toEqual({ apiKey: 'shown-once' });
    expect(lines).toEqual([expect.objectContaining({ action: 'POST /v1/terminals/T1/key', outcome: 'allowed', actorName: 'night-duty' })]);
  });

  it('still answers (a key shown once is not lost) when the audit line cannot be written', async () => {
    const sink: AuditSink = { record: () => Promise.reject(new Error('broker down')) };
    const interceptor = new OperatorAuditInterceptor(sink, DEFAULT_OPERATOR_ACCESS);
    const logged = jest.spyOn((interceptor as unknown as { logger: { error: (text: string) => void } }).logger, 'error').mockImplementation(() => undefined);
    expect(await lastValueFrom(interceptor.intercept(context, next))).toEqual({ apiKey: 'shown-once' });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('audit line not written for POST /v1/terminals/T1/key by night-duty (allowed): broker down'));
  });
});
