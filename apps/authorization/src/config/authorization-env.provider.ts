export const AUTHORIZATION_ENV = Symbol('AuthorizationEnv');
