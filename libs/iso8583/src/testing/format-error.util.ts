import { Iso8583FormatError } from '../iso8583-format.error';

/** Runs `fn` and returns the Iso8583FormatError it throws; any other outcome fails the test. */
export function catchFormatError(fn: () => unknown): Iso8583FormatError {
  try {
    fn();
  } catch (error) {
    if (error instanceof Iso8583FormatError) return error;
    throw error;
  }
  throw new Error('expected an Iso8583FormatError');
}
