/** OpenAPI security schemes: both keys are opaque API keys sent as bearer tokens, not JWTs. */
export const TERMINAL_KEY_SCHEME = 'terminal-key';
export const OPERATOR_KEY_SCHEME = 'operator-key';
