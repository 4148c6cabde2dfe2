import { runMigrationJob } from '@payments/runtime';

void runMigrationJob('qr-merchant');
