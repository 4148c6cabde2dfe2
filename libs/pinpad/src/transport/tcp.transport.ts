import { createServer, Socket } from 'node:net';

import { LinkTimings } from '../link/link-timings.model';
import { PinPadClient, PinPadClientOptions } from '../link/pinpad.client';
import { PinPadLinkError } from '../link/pinpad-link.error';
import { PinPadSimulator } from '../simulator/pinpad.simulator';

/** A LAN PIN pad: the bridge connects to it; each connection is one line (a new session). */
export async function connectPinPadOverTcp(
  host: string,
  port: number,
  options: PinPadClientOptions & { connectTimeoutMs?: number } = {},
): Promise<PinPadClient> {
  const socket = new Socket();
  const timeoutMs = options.connectTimeoutMs ?? 3_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new PinPadLinkError('line-closed', `no TCP connection to ${host}:${port} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new PinPadLinkError('line-closed', `TCP connection to ${host}:${port} failed (${error.message})`));
    });
    socket.connect(port, host, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  socket.setNoDelay(true);
  return new PinPadClient(socket, options);
}

export interface ListeningPinPad {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves the simulator on 127.0.0.1 only (`port` 0: any free port). */
export async function listenPinPadOverTcp(simulator: PinPadSimulator, port: number, timings: Partial<LinkTimings> = {}): Promise<ListeningPinPad> {
  const host = '127.0.0.1';
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    simulator.attach(socket, timings);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the TCP server has no port');
  return {
    host,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
