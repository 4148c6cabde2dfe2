import { runMigrationJob } from '@payments/runtime';

void runMigrationJob('authorization');
