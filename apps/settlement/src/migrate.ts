import { runMigrationJob } from '@payments/runtime';

void runMigrationJob('settlement');
