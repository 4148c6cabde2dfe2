/** Input the operator can fix (an option value, the text on stdin). Its message is shown as is. */
export class CliInputError extends Error {
  override readonly name = 'CliInputError';
}
