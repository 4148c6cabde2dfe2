import type { FieldCodec } from '../field/field.codec';
import type { LayoutEncoding } from '../field/text.check';
import type { LayoutDefinition, RecordKind } from '../schema/layout-definition.schema';

export interface RecordLayout {
  readonly kind: RecordKind;
  readonly fields: readonly FieldCodec[];
  readonly byName: ReadonlyMap<string, FieldCodec>;
}

/** A validated layout, compiled: what the writer and the reader work from. */
export interface FileLayout {
  readonly definition: LayoutDefinition;
  readonly name: string;
  readonly encoding: LayoutEncoding;
  readonly lineEnding: '\r\n' | '\n';
  /** Set for CSV layouts; fixed-width records are the fields side by side. */
  readonly csv: { readonly delimiter: string; readonly quote: string; readonly quoting: 'needed' | 'all' } | undefined;
  readonly header: RecordLayout | undefined;
  readonly detail: RecordLayout;
  readonly trailer: RecordLayout | undefined;
}
