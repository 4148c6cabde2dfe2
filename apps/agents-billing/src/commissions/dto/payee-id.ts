/** A payee's id as the platform takes it: the payee catalogue's key, and the payee of commission plans and payments. */
export const PAYEE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** What a malformed payee id is told. */
export const PAYEE_ID_RULE = 'payeeId must be 1-64 letters, digits, dots, dashes or underscores';
