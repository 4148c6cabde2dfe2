import { ChannelCredentials, experimental, ServerCredentials } from '@grpc/grpc-js';

/** Rotated certificates are picked up within this time (cert-manager renews well before expiry). */
const DEFAULT_REFRESH_INTERVAL_MS = 60_000;

/** A process's TLS identity and the CA it trusts, as PEM files (cert-manager's tls.crt, tls.key, ca.crt). */
export interface GrpcTlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
  readonly caFile: string;
  /** Mutual TLS: the server refuses a client without a certificate of the CA. Clients always present theirs. */
  readonly requireClientCertificate: boolean;
  /** How often the files are read again. Default 60 s. */
  readonly refreshIntervalMs?: number;
}

/**
 * gRPC credentials from PEM files that are read again while the process runs, so a rotated
 * certificate (a Secret volume updated in place) is used by new connections without a restart.
 * Servers present the certificate and, with client authentication, check the caller's against
 * the CA; clients check the server's certificate and host name against the CA and present their
 * own certificate.
 */
export class GrpcTlsCredentials {
  private readonly files: experimental.FileWatcherCertificateProvider;

  constructor(private readonly options: GrpcTlsFiles) {
    this.files = new experimental.FileWatcherCertificateProvider({
      certificateFile: options.certFile,
      privateKeyFile: options.keyFile,
      caCertificateFile: options.caFile,
      refreshIntervalMs: options.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS,
    });
  }

  /** A server of the platform's internal services (mutual TLS when client certificates are required). */
  server(): ServerCredentials {
    // grpc-js takes (identity, CA or null, require client certificate), whatever its parameter names say.
    return experimental.createCertificateProviderServerCredentials(
      this.files,
      this.options.requireClientCertificate ? this.files : null,
      this.options.requireClientCertificate,
    );
  }

  /** A server that asks no client for a certificate (registers reach it): TLS with the server's certificate only. */
  serverWithoutClientCertificates(): ServerCredentials {
    return experimental.createCertificateProviderServerCredentials(this.files, null, false);
  }

  /**
   * Resolves once the files were read (a server bound with these credentials drops connections
   * until then): call it after binding, before saying the server listens.
   */
  loaded(): Promise<void> {
    return new Promise((resolve, reject) => {
      // CA listeners hear of a read after every identity listener (the servers'), or at once when read already.
      const listener = (update: experimental.CaCertificateUpdate | null): void => {
        this.files.removeCaCertificateListener(listener);
        if (update) resolve();
        else reject(new Error(`the TLS files (${this.options.certFile}, ${this.options.keyFile}, ${this.options.caFile}) cannot be read`));
      };
      this.files.addCaCertificateListener(listener);
    });
  }

  /** A client of the internal services: trusts the CA only, presents this process's certificate. */
  channel(): ChannelCredentials {
    return experimental.createCertificateProviderChannelCredentials(this.files, this.files);
  }
}
