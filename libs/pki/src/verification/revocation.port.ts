/** Why and since when a certificate is no longer trusted. */
export interface Revocation {
  readonly serialNumber: string;
  readonly reason: string;
  readonly revokedAt: Date;
}

/** Where revoked certificate serial numbers are kept (the device registry on the server). */
export interface RevocationSource {
  revocationOf(serialNumber: string): Promise<Revocation | undefined>;
}

/** Revocations held in memory: the embedded mode and the tests. */
export class InMemoryRevocationList implements RevocationSource {
  private readonly revoked = new Map<string, Revocation>();

  revoke(serialNumber: string, reason: string, revokedAt = new Date()): void {
    const key = serialNumber.toUpperCase();
    if (!this.revoked.has(key)) this.revoked.set(key, { serialNumber: key, reason, revokedAt });
  }

  revocationOf(serialNumber: string): Promise<Revocation | undefined> {
    return Promise.resolve(this.revoked.get(serialNumber.toUpperCase()));
  }
}
