export { SettlementModule } from './settlement.module';
/** The day's close, files and journal files wired without Nest: the settlement-day benchmark runs them. */
export { settlementDayStack, type SettlementDayStack } from './journal-files/testing/settlement-day.stack';
