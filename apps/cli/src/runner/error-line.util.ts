import { Iso8583FormatError } from '@payments/iso8583';

/** Iso8583FormatError numbers the MTI 0 and the bitmap(s) 1; operators know them by name. */
const FIELD_NAMES: Readonly<Record<number, string>> = { 0: 'MTI', 1: 'bitmap' };

/**
 * The single stderr line for a failed command: `error: <what is wrong>`, never a stack trace.
 * Iso8583FormatError is reworded from its parts (field, offset, reason) and, like every message
 * shown here, carries no field values (PCI DSS 3.3.1: no PAN or track data in error output).
 */
export function toErrorLine(error: unknown): string {
  return `error: ${oneLine(describe(error))}`;
}

export function oneLine(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, ' ');
}

function describe(error: unknown): string {
  if (error instanceof Iso8583FormatError) {
    const where = error.field === null ? 'message' : (FIELD_NAMES[error.field] ?? `field ${error.field}`);
    return `${where} at offset ${error.offset}: ${error.reason}`;
  }
  return error instanceof Error ? error.message : String(error);
}
