import { Duplex } from 'node:stream';

import type { SerialPort } from 'serialport';

import { LinkTimings } from '../link/link-timings.model';
import { PinPadClient, PinPadClientOptions } from '../link/pinpad.client';
import { PinPadLinkError } from '../link/pinpad-link.error';
import { PinPadSimulator } from '../simulator/pinpad.simulator';

/** RS-232 PIN pads run at 115200 8N1 by default; a USB CDC-ACM pad ignores the rate. */
export const DEFAULT_BAUD_RATE = 115_200;

/** Opens a tty (RS-232 adapter, USB CDC-ACM /dev/ttyACM0, a pseudo-terminal) as a line. */
export async function openSerialLine(path: string, baudRate = DEFAULT_BAUD_RATE): Promise<SerialPort> {
  // Loaded on first use: its native binding costs every process that never opens a tty ~0.1 s.
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((error) => (error ? reject(new PinPadLinkError('line-closed', `cannot open ${path} (${error.message})`)) : resolve()));
  });
  return port;
}

export async function openPinPadOverSerial(path: string, options: PinPadClientOptions & { baudRate?: number } = {}): Promise<PinPadClient> {
  return new PinPadClient(await openSerialLine(path, options.baudRate), options);
}

export interface ServingPinPad {
  /** Called each time a session's link goes down (a new session then waits on the same port). */
  onLinkDown(listener: (error: PinPadLinkError) => void): void;
  /** Stops serving and closes the port. */
  close(): Promise<void>;
}

/**
 * Serves the simulator on a tty. The port stays open for the pad's life: when a link goes down
 * (the bridge went silent or sent garbage) a new session starts on the same port, so the next
 * bridge to open the other end finds the pad there.
 */
export async function servePinPadOverSerial(simulator: PinPadSimulator, path: string, timings: Partial<LinkTimings> = {}): Promise<ServingPinPad> {
  const port = await openSerialLine(path);
  const downListeners: ((error: PinPadLinkError) => void)[] = [];
  const attach = (): void => {
    simulator.attach(sessionOn(port), timings).link.onDown((error) => {
      if (port.isOpen) attach();
      downListeners.forEach((listener) => listener(error));
    });
  };
  attach();
  return {
    onLinkDown: (listener) => void downListeners.push(listener),
    close: () =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}

/** A view of the port that one link can destroy without closing the port itself. */
function sessionOn(port: SerialPort): Duplex {
  const onData = (chunk: Buffer): void => void session.push(chunk);
  const onClose = (): void => void session.destroy();
  const session: Duplex = new Duplex({
    read: () => undefined,
    write: (chunk: Buffer, _encoding, callback) => void port.write(chunk, callback),
    destroy: (error, callback) => {
      port.off('data', onData);
      port.off('close', onClose);
      callback(error);
    },
  });
  port.on('data', onData);
  port.on('close', onClose);
  return session;
}
