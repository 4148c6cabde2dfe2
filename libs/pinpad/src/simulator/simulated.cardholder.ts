import { Cardholder } from './simulator-config.model';

/**
 * Keys pressed in order, one prompt at a time: each prompt takes the keys up to and including the
 * next E or C. Keys left without E or C are typed and then nobody presses anything more.
 */
export class ScriptedCardholder implements Cardholder {
  constructor(private keys: string) {
    if (!/^[0-9EC]*$/.test(keys)) throw new RangeError('cardholder keys are digits, E (enter) and C (cancel)');
  }

  keysFor(): string {
    const end = this.keys.search(/[EC]/);
    const taken = end < 0 ? this.keys : this.keys.slice(0, end + 1);
    this.keys = this.keys.slice(taken.length);
    return taken;
  }
}

/** The same answer to every prompt: a PIN, a number, and OK to every amount (the CLI's simulated cardholder). */
export class RepeatingCardholder implements Cardholder {
  constructor(private readonly answers: { readonly pin: string; readonly digits: string }) {}

  keysFor(command: 'read-digits' | 'confirm-amount' | 'pin-entry'): string {
    switch (command) {
      case 'pin-entry':
        return `${this.answers.pin}E`;
      case 'read-digits':
        return `${this.answers.digits}E`;
      case 'confirm-amount':
        return 'E';
    }
  }
}
