/** The largest acquirer file (settlement report, transfer file) the upload routes read, in bytes (SETTLEMENT_ACQUIRER_FILE_MAX_BYTES). */
export const ACQUIRER_FILE_MAX_BYTES = Symbol('AcquirerFileMaxBytes');

/** How an acquirer's file is uploaded: its bytes as the body (curl --data-binary @file), untouched by any body parser. */
export const ACQUIRER_FILE_CONTENT_TYPES = ['text/csv', 'text/plain', 'application/octet-stream'] as const;

/** The rules of readUploadedFile for an acquirer's file of at most `maxBytes`. */
export const acquirerFileUpload = (maxBytes: number, what: string) => ({
  contentTypes: ACQUIRER_FILE_CONTENT_TYPES,
  maxBytes,
  maxBytesSetting: 'SETTLEMENT_ACQUIRER_FILE_MAX_BYTES',
  what,
});
