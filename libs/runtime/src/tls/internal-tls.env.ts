import { z } from 'zod';

/**
 * TLS between the services (distributed mode): this process's certificate and key and the CA it
 * trusts, as PEM files (a cert-manager Secret mounted as tls.crt, tls.key, ca.crt). All three or
 * none; none: plaintext. TLS_CLIENT_AUTH: whether the internal gRPC servers require the caller's
 * certificate of that CA (mutual TLS), default require.
 */
export const internalTlsEnvShape = {
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  TLS_CA_FILE: z.string().min(1).optional(),
  TLS_CLIENT_AUTH: z.enum(['require', 'off']).default('require'),
};

export type InternalTlsEnv = z.infer<z.ZodObject<typeof internalTlsEnvShape>>;
