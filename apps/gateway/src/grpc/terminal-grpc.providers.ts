import { Provider } from '@nestjs/common';

import { TerminalGrpcServer } from './terminal-grpc.server';
import { TerminalGrpcService } from './terminal-grpc.service';
import { TerminalMetadataAuthenticator } from './terminal-metadata.authenticator';
import { TerminalRpcAdapter } from './terminal-rpc.adapter';

/** The gateway's gRPC API; listed after the REST providers so the demo terminals exist before it listens. */
export const terminalGrpcProviders: Provider[] = [TerminalMetadataAuthenticator, TerminalRpcAdapter, TerminalGrpcService, TerminalGrpcServer];
