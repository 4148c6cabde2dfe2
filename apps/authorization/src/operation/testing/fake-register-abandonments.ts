import type { RegisterAbandonment, RegisterAbandonments } from '../ports/register-abandonments.port';

/** The registers' reports, as a test makes them. */
export class FakeRegisterAbandonments implements RegisterAbandonments {
  private readonly reports = new Map<string, RegisterAbandonment>();

  report(transactionId: string, abandonment: RegisterAbandonment): void {
    this.reports.set(transactionId, abandonment);
  }

  lockedAbandonmentOf(_tx: unknown, transactionId: string): Promise<RegisterAbandonment | null> {
    return Promise.resolve(this.reports.get(transactionId) ?? null);
  }
}
