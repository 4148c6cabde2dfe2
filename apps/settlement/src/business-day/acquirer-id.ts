/** An acquirer id as the operators' API takes it (authorization's acquirer ids). */
export const ACQUIRER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const ACQUIRER_ID_MESSAGE = 'acquirerId must be 1-64 letters, digits, dots, dashes or underscores';
