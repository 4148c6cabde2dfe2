import type { FieldReader } from '../field/field.decoder';
import type { DecodeOptions, LeniencyWarning } from '../leniency/leniency.types';

/** Hands what leniency let through to the caller: each warning to the list and to the metric. */
export function reportLeniency(spec: string, reader: FieldReader, trailingBytes: number, options: DecodeOptions | undefined): void {
  if (options?.warnings === undefined && options?.metric === undefined) return;
  const warnings: LeniencyWarning[] = (reader.lenientFields ?? []).map((w) => ({ spec, ...w }));
  if (trailingBytes !== 0) warnings.push({ spec, field: null, rule: 'trailing-bytes', offset: reader.pos });
  for (const warning of warnings) {
    options.warnings?.push(warning);
    options.metric?.inc({ spec, field: warning.field === null ? 'message' : String(warning.field), rule: warning.rule });
  }
}
