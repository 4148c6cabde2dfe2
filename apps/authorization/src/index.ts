export { AuthorizationModule } from './authorization.module';
export { JournalRepository } from './journal/journal.repository';
export { ReversalWorker } from './reversal/reversal.worker';
