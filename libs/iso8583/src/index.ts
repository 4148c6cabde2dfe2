export { Iso8583Codec } from './codec/iso8583.codec';
export { buildBitmap, fieldsInBitmap } from './codec/bitmap.codec';
export { decodeBerTlv } from './emv/ber-tlv.decoder';
export { encodeBerTlv } from './emv/ber-tlv.encoder';
export { ICC_DATA_FIELD, type TlvDataObject, type TlvInput } from './emv/ber-tlv.model';
export { Iso8583FormatError } from './iso8583-format.error';
export { ZONE_PIN_FORMAT0_SECURITY_CONTROL, zonePinSecurityControlFor } from './security/pin-security-control';
export {
  FIELD_LENIENCY_RULES,
  MESSAGE_LENIENCY_RULES,
  type DecodeOptions,
  type FieldLeniencyRule,
  type LeniencyLabels,
  type LeniencyMetric,
  type LeniencyRule,
  type LeniencyWarning,
  type MessageLeniencyRule,
} from './leniency/leniency.types';
export { frame, headerLength, maxFrameLength, type FrameHeader } from './framing/frame.codec';
export { FrameDecoder } from './framing/frame.decoder';
export { ISO87_ASCII_SPEC } from './spec/iso87ascii.fields';
export { ISO87_BINARY_SPEC } from './spec/iso87binary.fields';
export { ISO93_ASCII_SPEC } from './spec/iso93ascii.fields';
export { ISO93_BINARY_SPEC } from './spec/iso93binary.fields';
export { Iso8583SpecFileError } from './dialect/spec-file.error';
export { loadSpecFile, specFromDefinition } from './dialect/spec-file.loader';
export { getSpec, registerSpec, type Iso8583SpecName } from './spec/spec.registry';
export type { ContentClass, FieldDefinition, Iso8583Message, Iso8583Spec, LengthType, PadSide, PrefixEncoding, ValueEncoding } from './spec/iso8583-spec.types';
