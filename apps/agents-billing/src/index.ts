export { AgentsBillingModule } from './agents-billing.module';
