import { runMigrationJob } from '@payments/runtime';

void runMigrationJob('agents-billing');
