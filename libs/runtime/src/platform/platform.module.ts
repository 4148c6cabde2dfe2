import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import type { Cache } from '@payments/cache';
import { SessionStore } from '@payments/identity';
import type { MessageBus } from '@payments/messaging';
import type { Rpc } from '@payments/rpc';

import { DatabaseFactory } from '../database/database.factory';
import { HealthController } from '../health/health.controller';
import { ReadinessRegistry } from '../health/readiness.registry';
import { BusAuditSink } from '../operator/bus-audit.sink';
import { ListenerGuard } from '../operator/listener.guard';
import { DEFAULT_OPERATOR_ACCESS, type OperatorAccessSettings } from '../operator/operator-access.settings';
import { OperatorKeyRing } from '../operator/operator-key.ring';
import { OperatorListener } from '../operator/operator-listener';
import { OPERATOR_ACCESS, OPERATOR_AUDIT_SINK, OPERATOR_KEY_RING, OPERATOR_LISTENER, OPERATOR_SESSIONS } from '../operator/operator.tokens';
import { CACHE, DATABASE_FACTORY, MESSAGE_BUS, RPC } from '../tokens/platform.tokens';

export interface PlatformResources {
  readonly bus: MessageBus;
  /** What a caller waits for: direct calls with deadlines. The bus carries facts. */
  readonly rpc: Rpc;
  readonly cache: Cache;
  readonly databases: DatabaseFactory;
  /**
   * Who may call the operators' endpoints (keys; sessions in the cache, per `access`), and on which
   * listener they are served. Audit lines go on the bus unless a module provides its own sink (the gateway).
   */
  readonly operator: { readonly keys: OperatorKeyRing; readonly listener: OperatorListener; readonly access?: OperatorAccessSettings };
}

/**
 * What every service module gets from its process host: the bus, the rpc transport, the cache, a
 * database per service, readiness checks and the health endpoints, the operator key and the split
 * of routes between the register-facing and the operator listener. One per process, whatever the
 * run mode.
 */
@Global()
@Module({})
export class PlatformModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  static forRoot(resources: PlatformResources): DynamicModule {
    const access = resources.operator.access ?? DEFAULT_OPERATOR_ACCESS;
    return {
      module: PlatformModule,
      controllers: [HealthController],
      providers: [
        ReadinessRegistry,
        { provide: MESSAGE_BUS, useValue: resources.bus },
        { provide: RPC, useValue: resources.rpc },
        { provide: CACHE, useValue: resources.cache },
        { provide: DATABASE_FACTORY, useValue: resources.databases },
        { provide: OPERATOR_KEY_RING, useValue: resources.operator.keys },
        { provide: OPERATOR_LISTENER, useValue: resources.operator.listener },
        { provide: OPERATOR_ACCESS, useValue: access },
        { provide: OPERATOR_SESSIONS, useValue: new SessionStore(resources.cache, access.sessions, access.clock) },
        { provide: OPERATOR_AUDIT_SINK, useValue: new BusAuditSink(resources.bus) },
        { provide: APP_GUARD, useClass: ListenerGuard },
      ],
      exports: [
        ReadinessRegistry,
        MESSAGE_BUS,
        RPC,
        CACHE,
        DATABASE_FACTORY,
        OPERATOR_KEY_RING,
        OPERATOR_LISTENER,
        OPERATOR_ACCESS,
        OPERATOR_SESSIONS,
        OPERATOR_AUDIT_SINK,
      ],
    };
  }

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(RPC) private readonly rpc: Rpc,
    @Inject(CACHE) private readonly cache: Cache,
    @Inject(DATABASE_FACTORY) private readonly databases: DatabaseFactory,
    readiness: ReadinessRegistry,
  ) {
    readiness.register('bus', () => bus.isHealthy());
    readiness.register('rpc', () => rpc.isHealthy());
    readiness.register('cache', () => cache.isHealthy());
  }

  /**
   * Handlers were registered in the modules' onModuleInit; the server starts with all of them.
   * The synchronous path first: what a register waits for needs no consumer group, and joining one
   * after a crash waits until the broker gives up on the dead member (the session timeout).
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.rpc.start();
    await this.bus.start();
  }

  /** No new calls; calls in flight finish while the database and the bus are still open. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.rpc.stop();
  }

  /** Runs after every service module has drained its own work (Nest calls modules' hooks first). */
  async onApplicationShutdown(): Promise<void> {
    await this.bus.stop();
    await this.cache.close();
    await this.databases.closeAll();
  }
}
