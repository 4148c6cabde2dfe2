/** The operator keys this process accepts (OperatorKeyRing). */
export const OPERATOR_KEY_RING = Symbol('OperatorKeyRing');
/** Which listener serves the operators' endpoints (OperatorListener). */
export const OPERATOR_LISTENER = Symbol('OperatorListener');
/** The operators' sessions in the platform's cache (@payments/identity SessionStore). */
export const OPERATOR_SESSIONS = Symbol('OperatorSessions');
/** Where this process's operator audit lines go (@payments/identity AuditSink). */
export const OPERATOR_AUDIT_SINK = Symbol('OperatorAuditSink');
/** How operators are let in here (OperatorAccessSettings). */
export const OPERATOR_ACCESS = Symbol('OperatorAccess');
