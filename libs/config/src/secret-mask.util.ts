/**
 * Names that hold secrets: their values are never printed (PCI DSS 8.3.2 / 3.6: keys and
 * credentials stay out of logs and error output).
 */
const SECRET_NAME = /KEY|SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|PRIVATE|BDK|KEK|SALT/i;

/** `user:password@` in any `scheme://` URL, also inside comma lists. */
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:/@,]*:)[^\s@/,]*@/gi;

const MAX_SHOWN = 80;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** `postgres://app:s3cret@db:5432/x` -> `postgres://app:***@db:5432/x`. */
export function maskUrlCredentials(text: string): string {
  return text.replace(URL_PASSWORD, '$1***@');
}

/** How a raw value may appear in an error message for the variable `name`. */
export function describeValue(name: string, raw: string): string {
  if (isSecretName(name)) {
    return '(value hidden)';
  }
  const masked = maskUrlCredentials(raw);
  const shown = masked.length > MAX_SHOWN ? `${masked.slice(0, MAX_SHOWN)}...` : masked;
  return JSON.stringify(shown);
}

/**
 * A copy of a loaded config safe to log at boot: secret-named entries become `***`, URL
 * passwords are masked, everything else is kept.
 */
export function redactConfig(config: Record<string, unknown>): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(config)) {
    if (isSecretName(name)) {
      safe[name] = value === undefined ? undefined : '***';
    } else if (typeof value === 'string') {
      safe[name] = maskUrlCredentials(value);
    } else if (Array.isArray(value)) {
      safe[name] = value.map((item: unknown) => (typeof item === 'string' ? maskUrlCredentials(item) : item));
    } else {
      safe[name] = value;
    }
  }
  return safe;
}
