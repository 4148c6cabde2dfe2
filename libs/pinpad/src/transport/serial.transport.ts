import { SerialPort } from 'serialport';

import { PinPadClient, PinPadClientOptions } from '../link/pinpad.client';
import { PinPadLinkError } from '../link/pinpad-link.error';

/** RS-232 PIN pads run at 115200 8N1 by default; a USB CDC-ACM pad ignores the rate. */
export const DEFAULT_BAUD_RATE = 115_200;

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
