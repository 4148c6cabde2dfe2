/** A payee's id as the platform takes it (the payee catalogue, a later slice, keeps the same form). */
export const PAYEE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
