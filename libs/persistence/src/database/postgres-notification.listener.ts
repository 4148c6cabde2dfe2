import { Client } from 'pg';

import type { StopListening } from '../database.port';
import { assertChannelName, quoteIdent } from './schema-name.util';

const RECONNECT_MS = 1_000;

/**
 * LISTEN on its own connection (a pooled one would be handed to other queries). PostgreSQL
 * sends a notification when the notifying transaction commits. A dropped connection is opened
 * again, and the listener is called once then, since notifications sent meanwhile are lost.
 */
export async function listenOnPostgres(url: string, channel: string, onNotify: () => void): Promise<StopListening> {
  const listen = `LISTEN ${quoteIdent(assertChannelName(channel))}`;
  let stopped = false;
  let client: Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: url });
    next.on('notification', () => onNotify());
    next.on('error', () => undefined);
    next.on('end', () => {
      if (stopped || client !== next) return;
      client = undefined;
      retry = setTimeout(() => void reconnect(), RECONNECT_MS);
    });
    await next.connect();
    await next.query(listen);
    client = next;
  };
  const reconnect = async (): Promise<void> => {
    if (stopped) return;
    try {
      await connect();
      onNotify();
    } catch {
      retry = setTimeout(() => void reconnect(), RECONNECT_MS);
    }
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
