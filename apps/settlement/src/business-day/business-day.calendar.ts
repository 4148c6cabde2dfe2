import { cutOffParts, SettlementEnv } from '../config/settlement-env';
import { CutOff } from './cut-off';

/** Each acquirer's cut-off, and the default one for acquirers configured without their own. */
export class BusinessDayCalendar {
  private readonly cutOffs: ReadonlyMap<string, CutOff>;
  private readonly fallback: CutOff;

  constructor(
    readonly defaultAcquirer: string,
    defaultCutOff: CutOff,
    cutOffs: Readonly<Record<string, CutOff>> = {},
  ) {
    this.fallback = defaultCutOff;
    this.cutOffs = new Map(Object.entries(cutOffs));
  }

  /** Built from the typed env; an unknown time zone or a bad time stops the boot, naming it. */
  static of(env: SettlementEnv): BusinessDayCalendar {
    const cutOffOf = (value: string, where: string): CutOff => {
      const { localTime, timeZone } = cutOffParts(value);
      try {
        return new CutOff(timeZone, localTime);
      } catch (error) {
        throw new RangeError(`${where}: ${(error as Error).message}`);
      }
    };
    const own = Object.fromEntries(
      Object.entries(env.SETTLEMENT_CUT_OFFS).map(([acquirer, value]) => [acquirer, cutOffOf(value, `SETTLEMENT_CUT_OFFS of acquirer "${acquirer}"`)]),
    );
    return new BusinessDayCalendar(env.SETTLEMENT_DEFAULT_ACQUIRER, cutOffOf(env.SETTLEMENT_DEFAULT_CUT_OFF, 'SETTLEMENT_DEFAULT_CUT_OFF'), own);
  }

  cutOffOf(acquirerId: string): CutOff {
    return this.cutOffs.get(acquirerId) ?? this.fallback;
  }

  /** Configured here: with a cut-off of its own, or the default acquirer. */
  isConfigured(acquirerId: string): boolean {
    return acquirerId === this.defaultAcquirer || this.cutOffs.has(acquirerId);
  }
}
