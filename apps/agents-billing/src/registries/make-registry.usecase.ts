import { Inject, Injectable } from '@nestjs/common';

import { LayoutRecordError } from '@payments/file-layout';

import { AGENTS_BILLING_DB, AgentsBillingDb } from '../database/agents-billing-db.provider';
import { PayeeRepository } from '../payees/payee.repository';
import { isDayOver, type PayeeRegistry } from './registry';
import { type RenderedRegistry, renderRegistry } from './registry-file';
import { RegistryRepository } from './registry.repository';
import { RegistrySettingsRepository } from './registry-settings.repository';
import { RegistrySigner } from './registry-signer';

/** The payments of a recorded registry's day no longer give its bytes: the recorded registry stands, nothing is made or sent. */
export class RegistryMismatchError extends Error {
  constructor(registry: PayeeRegistry, now: RenderedRegistry) {
    super(
      `registry ${registry.fileName} of payee ${registry.payeeId} for ${registry.businessDay} was recorded with ${registry.lineCount} payments ` +
        `totalling ${registry.total} (sha256 ${registry.sha256}); the payments of that day now give ${now.lineCount} totalling ${now.total} ` +
        `(sha256 ${now.sha256}): refused, the recorded registry stands`,
    );
  }
}

export type MakeRegistryOutcome =
  | { readonly kind: 'made' | 'existing'; readonly registry: PayeeRegistry }
  | { readonly kind: 'payee_not_found' | 'no_settings' | 'day_not_over' }
  /** A payment that changed after the registry was recorded, or a line the layout cannot hold: nothing recorded. */
  | { readonly kind: 'refused'; readonly message: string };

/**
 * Makes the registry of a payee and a UTC day once, and records what makes its bytes (the layout
 * as it is then, the moment, the payee's next sequence) and what they came to (SHA-256, count,
 * total, signature). A re-run writes it again from the day's payments and the recorded recipe: the
 * same bytes, or refused when the payments changed after it was recorded.
 */
@Injectable()
export class MakeRegistryUseCase {
  constructor(
    @Inject(AGENTS_BILLING_DB) private readonly db: AgentsBillingDb,
    private readonly settings: RegistrySettingsRepository,
    private readonly registries: RegistryRepository,
    private readonly payees: PayeeRepository,
    private readonly signer: RegistrySigner,
  ) {}

  async execute(payeeId: string, day: string, now: Date): Promise<MakeRegistryOutcome> {
    const payee = await this.payees.find(payeeId);
    if (!payee) return { kind: 'payee_not_found' };
    if (!isDayOver(day, now)) return { kind: 'day_not_over' };
    try {
      const existing = await this.registries.find(payeeId, day);
      if (existing) return { kind: 'existing', registry: (await this.regenerate(existing)).registry };
      return await this.db.transaction(async (tx): Promise<MakeRegistryOutcome> => {
        const settings = await this.settings.lock(tx, payeeId);
        if (!settings) return { kind: 'no_settings' };
        const made = await this.registries.find(payeeId, day, tx);
        if (made) return { kind: 'existing', registry: made };
        const recipe = {
          payeeId,
          businessDay: day,
          currency: payee.currency,
          sequence: await this.registries.nextSequence(tx, payeeId),
          madeAt: now,
          layout: settings.layout,
        };
        const rendered = await renderRegistry(recipe, await this.registries.linesOf(payeeId, day, tx));
        const registry = await this.registries.insert(tx, {
          ...recipe,
          fileName: rendered.fileName,
          sha256: rendered.sha256,
          byteLength: rendered.bytes.length,
          lineCount: rendered.lineCount,
          total: rendered.total,
          signature: this.signer.sign(rendered.bytes),
          signatureAlgorithm: this.signer.algorithm,
          signingKeyId: this.signer.keyId,
        });
        return { kind: 'made', registry };
      });
    } catch (error) {
      if (error instanceof RegistryMismatchError) return { kind: 'refused', message: error.message };
      if (error instanceof LayoutRecordError)
        return { kind: 'refused', message: `registry of payee ${payeeId} for ${day} cannot be written in its layout: ${error.message}` };
      throw error;
    }
  }

  /** The recorded registry's bytes written again from its day's payments; RegistryMismatchError when they are not those recorded. */
  async regenerate(registry: PayeeRegistry): Promise<{ registry: PayeeRegistry; bytes: Buffer }> {
    const rendered = await renderRegistry(registry, await this.registries.linesOf(registry.payeeId, registry.businessDay));
    if (rendered.sha256 !== registry.sha256) throw new RegistryMismatchError(registry, rendered);
    return { registry, bytes: rendered.bytes };
  }
}
