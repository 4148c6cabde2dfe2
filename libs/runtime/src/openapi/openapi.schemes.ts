/** OpenAPI security schemes: both keys are opaque API keys sent as bearer tokens, not JWTs. */
export const TERMINAL_KEY_SCHEME = 'terminal-key';
/** An operator key, or an operator session's token, as `Authorization: Bearer`. */
export const OPERATOR_KEY_SCHEME = 'operator-key';
/** The operator session cookie a login sets. */
export const OPERATOR_SESSION_SCHEME = 'operator-session';
