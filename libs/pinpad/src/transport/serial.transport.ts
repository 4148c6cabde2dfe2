import { SerialPort } from 'serialport';

import { LinkTimings } from '../link/link-timings.model';
import { PinPadClient, PinPadClientOptions } from '../link/pinpad.client';
import { PinPadLinkError } from '../link/pinpad-link.error';
import { PinPadSimulator } from '../simulator/pinpad.simulator';

/** RS-232 PIN pads run at 115200 8N1 by default; a USB CDC-ACM pad ignores the rate. */
export const DEFAULT_BAUD_RATE = 115_200;
const REOPEN_DELAY_MS = 100;

/** Opens a tty (RS-232 adapter, USB CDC-ACM /dev/ttyACM0, a pseudo-terminal) as a line. */
export async function openSerialLine(path: string, baudRate = DEFAULT_BAUD_RATE): Promise<SerialPort> {
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
  /** Stops serving and closes the port. */
  close(): Promise<void>;
}

/**
 * Serves the simulator on a tty: when the link goes down (the bridge went silent, sent garbage),
 * the port is opened again so the next bridge to open the other end finds the pad there.
 */
export async function servePinPadOverSerial(simulator: PinPadSimulator, path: string, timings: Partial<LinkTimings> = {}): Promise<ServingPinPad> {
  let stopped = false;
  let port = await openSerialLine(path);
  const attach = (line: SerialPort): void => {
    simulator.attach(line, timings).link.onDown(() => {
      if (stopped) return;
      setTimeout(() => {
        if (stopped) return;
        openSerialLine(path)
          .then((reopened) => {
            port = reopened;
            attach(reopened);
          })
          .catch(() => undefined);
      }, REOPEN_DELAY_MS).unref();
    });
  };
  attach(port);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        stopped = true;
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}
