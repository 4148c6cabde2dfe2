export { SettlementModule } from './settlement.module';
