/**
 * Two registry layouts an operator can give a payee by name (or start from): every key of a
 * registry line and of its header (`registry-file.ts`) is used, so a payee's own layout may take
 * any of them. The same data as any file-layout definition; a payee's settings store the whole
 * definition, so a later change of these never changes a recorded registry.
 */
export const REGISTRY_LAYOUTS: Readonly<Record<string, object>> = {
  'payee-registry-csv': {
    name: 'payee-registry-csv',
    description:
      "A payee's registry of one UTC day as CSV: header with the payee, day, line count, total and when the registry was first made; one line per posted payment; trailer with the count, the total (minor units) and the SHA-256 of the lines.",
    format: 'csv',
    encoding: 'utf-8',
    lineEnding: 'crlf',
    csv: { delimiter: ';', quote: '"', quoting: 'needed' },
    fileName: 'REG_{payeeId}_{businessDay:yyyyMMdd}_{sequence:4}.csv',
    checksum: { algorithm: 'sha256' },
    records: {
      header: {
        fields: [
          { name: 'recordType', type: 'text', source: 'constant', value: 'H' },
          { name: 'payeeId', type: 'text', charset: 'printable' },
          { name: 'businessDay', type: 'date', source: 'businessDay', pattern: 'yyyy-MM-dd' },
          { name: 'lineCount', type: 'integer' },
          { name: 'totalAmount', type: 'amount', decimalPoint: true, exponentFrom: 'currency', sign: 'unsigned' },
          { name: 'currency', type: 'text', charset: 'alphanumeric', width: 3 },
          { name: 'madeAt', type: 'timestamp', source: 'createdAt', pattern: 'yyyy-MM-ddTHH:mm:ssZ' },
          { name: 'sequence', type: 'integer', source: 'sequence' },
        ],
      },
      detail: {
        fields: [
          { name: 'recordType', type: 'text', source: 'constant', value: 'D' },
          { name: 'paymentId', type: 'text', charset: 'printable' },
          { name: 'postedAt', type: 'timestamp', pattern: 'yyyy-MM-ddTHH:mm:ssZ' },
          { name: 'account', type: 'text', charset: 'printable' },
          { name: 'amount', type: 'amount', decimalPoint: true, exponentFrom: 'currency', sign: 'unsigned' },
          { name: 'currency', type: 'text', charset: 'alphanumeric', width: 3 },
          { name: 'nodeId', type: 'text', charset: 'printable' },
        ],
      },
      trailer: {
        fields: [
          { name: 'recordType', type: 'text', source: 'constant', value: 'T' },
          { name: 'lineCount', type: 'integer', source: 'recordCount' },
          { name: 'totalAmountMinor', type: 'amount', source: 'total', of: 'amount', sign: 'unsigned' },
          { name: 'linesSha256', type: 'text', source: 'checksum', width: 64 },
        ],
      },
    },
  },
  'payee-registry-fixed': {
    name: 'payee-registry-fixed',
    description:
      "A payee's registry of one UTC day as fixed-width ASCII records of 170 bytes: header RH, one RD per posted payment (amount in implied decimals), trailer RT with the count and the total in minor units.",
    format: 'fixed-width',
    encoding: 'ascii',
    lineEnding: 'crlf',
    recordLength: 170,
    fileName: '{payeeId}.{businessDay:yyyyMMdd}.{sequence:6}.REG',
    records: {
      header: {
        fields: [
          { name: 'recordType', type: 'text', source: 'constant', value: 'RH', start: 1, width: 2 },
          { name: 'payeeId', type: 'text', charset: 'printable', start: 3, width: 64, pad: ' ' },
          { name: 'businessDay', type: 'date', source: 'businessDay', start: 67, pattern: 'yyyyMMdd' },
          { name: 'lineCount', type: 'integer', start: 75, width: 9 },
          { name: 'madeAt', type: 'timestamp', source: 'createdAt', start: 84, pattern: 'yyyyMMddHHmmss' },
          { name: 'sequence', type: 'integer', source: 'sequence', start: 98, width: 6 },
          { name: 'filler', type: 'text', source: 'constant', value: '', start: 104, width: 67, pad: ' ' },
        ],
      },
      detail: {
        fields: [
          { name: 'recordType', type: 'text', source: 'constant', value: 'RD', start: 1, width: 2 },
          { name: 'paymentId', type: 'text', charset: 'printable', start: 3, width: 36 },
          { name: 'postedAt', type: 'timestamp', start: 39, pattern: 'yyyyMMddHHmmss' },
          { name: 'account', type: 'text', charset: 'printable', start: 53, width: 64, pad: ' ' },
          { name: 'amount', type: 'amount', start: 117, width: 15, sign: 'unsigned' },
          { name: 'currency', type: 'text', charset: 'alphanumeric', start: 132, width: 3 },
          { name: 'nodeId', type: 'text', charset: 'printable', start: 135, width: 36 },
        ],
      },
      trailer: {
        fields: [
          { name: 'recordType', type: 'text', source: 'constant', value: 'RT', start: 1, width: 2 },
          { name: 'lineCount', type: 'integer', source: 'recordCount', start: 3, width: 9 },
          { name: 'totalAmountMinor', type: 'amount', source: 'total', of: 'amount', start: 12, width: 19, sign: 'unsigned' },
          { name: 'filler', type: 'text', source: 'constant', value: '', start: 31, width: 140, pad: ' ' },
        ],
      },
    },
  },
};
