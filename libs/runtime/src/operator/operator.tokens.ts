/** The operator keys this process accepts (OperatorKeyRing). */
export const OPERATOR_KEY_RING = Symbol('OperatorKeyRing');
/** Which listener serves the operators' endpoints (OperatorListener). */
export const OPERATOR_LISTENER = Symbol('OperatorListener');
