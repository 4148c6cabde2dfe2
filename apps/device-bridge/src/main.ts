import { launchService } from '@payments/runtime';

import { DeviceBridgeModule } from './device-bridge.module';

launchService({ name: 'device-bridge', defaultPort: 3006, module: (env) => DeviceBridgeModule.forRoot(env) });
