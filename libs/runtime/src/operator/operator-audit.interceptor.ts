import { CallHandler, ExecutionContext, HttpException, Inject, Injectable, Logger, NestInterceptor, Optional } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, map, Observable, throwError } from 'rxjs';

import { accessOfMethod, type AuditSink } from '@payments/identity';

import { DEFAULT_OPERATOR_ACCESS, type OperatorAccessSettings } from './operator-access.settings';
import { actorOf, auditLineOf } from './operator-request';
import { OPERATOR_ACCESS, OPERATOR_AUDIT_SINK } from './operator.tokens';

/**
 * Every state-changing operator call writes an audit line once it has ended: allowed when it
 * succeeded, failed (with the status) when it did not. Reads are not audited (403s are, by the guard).
 */
@Injectable()
export class OperatorAuditInterceptor implements NestInterceptor {
  private readonly access: OperatorAccessSettings;
  private readonly logger = new Logger('OperatorAudit');

  constructor(
    @Optional() @Inject(OPERATOR_AUDIT_SINK) private readonly audit?: AuditSink,
    @Optional() @Inject(OPERATOR_ACCESS) access?: OperatorAccessSettings,
  ) {
    this.access = access ?? DEFAULT_OPERATOR_ACCESS;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const actor = actorOf(request);
    const audit = this.audit;
    if (!audit || !actor || accessOfMethod(request.method) === 'read') return next.handle();
    // The call is done either way: an audit line that cannot be written is logged loudly, and the
    // answer (maybe a key or TOTP secret shown only once) still reaches the operator.
    const record = (outcome: 'allowed' | 'failed', status: number) =>
      audit
        .record(auditLineOf(request, actor, outcome, this.access.service, this.access.clock(), outcome === 'failed' ? { after: { status } } : {}))
        .catch((error: unknown) =>
          this.logger.error(
            `audit line not written for ${request.method} ${request.path} by ${actor.name} (${outcome}): ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    return next.handle().pipe(
      concatMap((body: unknown) => from(record('allowed', context.switchToHttp().getResponse<Response>().statusCode)).pipe(map(() => body))),
      catchError((error: unknown) =>
        from(record('failed', error instanceof HttpException ? error.getStatus() : 500)).pipe(concatMap(() => throwError(() => error))),
      ),
    );
  }
}
