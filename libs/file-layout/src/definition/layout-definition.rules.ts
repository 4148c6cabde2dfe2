import type { FieldDefinition, FieldSource, FieldType, LayoutDefinition, RecordKind } from '../schema/layout-definition.schema';

/** Which sources each record kind may use: details carry only their own values. */
const SOURCES_BY_RECORD: Record<RecordKind, readonly FieldSource[]> = {
  header: ['value', 'constant', 'sequence', 'businessDay', 'createdAt'],
  detail: ['value', 'constant'],
  trailer: ['value', 'constant', 'sequence', 'businessDay', 'createdAt', 'recordCount', 'total', 'checksum'],
};

/** The types each source can fill (`value` fills any). */
const TYPES_BY_SOURCE: Record<Exclude<FieldSource, 'value'>, readonly FieldType[]> = {
  constant: ['text'],
  sequence: ['integer'],
  businessDay: ['date'],
  createdAt: ['timestamp', 'date'],
  recordCount: ['integer'],
  total: ['amount', 'integer'],
  checksum: ['text', 'integer'],
};

/** Keys that belong to one source or one type only: given elsewhere they would be silently ignored. */
const KEY_OWNERS: ReadonlyArray<[keyof FieldDefinition, (f: FieldDefinition) => boolean, string]> = [
  ['key', (f) => f.source === 'value', 'source value'],
  ['value', (f) => f.source === 'constant', 'source constant'],
  ['of', (f) => f.source === 'total', 'source total'],
  ['when', (f) => f.source === 'total', 'source total'],
  ['counts', (f) => f.source === 'recordCount', 'source recordCount'],
  ['charset', (f) => f.type === 'text', 'type text'],
  ['pattern', (f) => f.type === 'date' || f.type === 'timestamp', 'type date or timestamp'],
  ['decimalPoint', (f) => f.type === 'amount', 'type amount'],
  ['exponent', (f) => f.type === 'amount' && f.decimalPoint === true, 'type amount with decimalPoint'],
  ['exponentFrom', (f) => f.type === 'amount' && f.decimalPoint === true, 'type amount with decimalPoint'],
  ['sign', (f) => f.type === 'amount', 'type amount'],
];

const SUMMABLE: readonly FieldType[] = ['amount', 'integer'];

/**
 * The rules between keys that the schema alone cannot say. Each issue is `path: problem`, the path
 * as in the JSON file (`records.detail.fields.3.width`).
 */
export function layoutRuleIssues(layout: LayoutDefinition): string[] {
  const issues: string[] = [];
  const fixed = layout.format === 'fixed-width';
  if (fixed && layout.csv) issues.push('csv: only for format csv');
  if (!fixed && !layout.csv) issues.push('csv: required for format csv (at least the delimiter)');
  if (layout.csv && layout.csv.quote === layout.csv.delimiter) issues.push('csv.quote: must differ from the delimiter');
  if (!fixed && layout.recordLength !== undefined) issues.push('recordLength: only for format fixed-width');
  if (fixed && layout.encoding === 'utf-8') issues.push('encoding: a fixed-width layout needs a one-byte encoding (latin1 or ascii), so that widths are bytes');
  const detailFields = new Map(layout.records.detail.fields.map((f) => [f.name, f]));
  let checksumUsed = false;
  for (const kind of ['header', 'detail', 'trailer'] as const) {
    const record = layout.records[kind];
    if (!record) continue;
    const names = new Map(record.fields.map((f) => [f.name, f]));
    let position = 1;
    record.fields.forEach((field, index) => {
      const at = `records.${kind}.fields.${index}`;
      if (record.fields.findIndex((f) => f.name === field.name) !== index) issues.push(`${at}.name: ${field.name} is already a field of the ${kind}`);
      for (const [key, owns, owner] of KEY_OWNERS) if (field[key] !== undefined && !owns(field)) issues.push(`${at}.${key}: only for ${owner}`);
      if (!SOURCES_BY_RECORD[kind].includes(field.source)) issues.push(`${at}.source: a ${kind} cannot use ${field.source}`);
      else if (field.source !== 'value' && !TYPES_BY_SOURCE[field.source].includes(field.type)) {
        issues.push(`${at}.type: source ${field.source} fills ${TYPES_BY_SOURCE[field.source].join(' or ')}, not ${field.type}`);
      }
      if (field.source === 'constant' && field.value === undefined) issues.push(`${at}.value: required for source constant`);
      if (field.source === 'total') {
        const summed = field.of === undefined ? undefined : detailFields.get(field.of);
        if (!summed || summed.source !== 'value' || !SUMMABLE.includes(summed.type))
          issues.push(`${at}.of: must name a detail value field of type amount or integer`);
        if (field.when && !detailFields.has(field.when.field)) issues.push(`${at}.when.field: must name a detail field`);
      }
      if (field.source === 'checksum') {
        checksumUsed = true;
        issues.push(...checksumFieldIssues(layout, field, at));
      }
      if (field.type === 'amount' && field.decimalPoint && field.exponent === undefined && field.exponentFrom === undefined) {
        issues.push(`${at}.decimalPoint: needs exponent or exponentFrom`);
      }
      if (field.exponentFrom !== undefined && names.get(field.exponentFrom)?.type !== 'text')
        issues.push(`${at}.exponentFrom: must name a text field of the ${kind}`);
      if (
        (field.type === 'amount' || field.type === 'integer') &&
        field.pad !== undefined &&
        field.pad !== ' ' &&
        !(field.pad === '0' && field.align !== 'left')
      ) {
        issues.push(`${at}.pad: a number is padded with spaces, or with 0 on the left`);
      }
      if (fixed && field.width === undefined && field.pattern === undefined) issues.push(`${at}.width: required in a fixed-width layout`);
      if (field.pattern !== undefined && field.width !== undefined && field.width !== field.pattern.length) {
        issues.push(`${at}.width: the pattern is ${field.pattern.length} characters wide (leave width out)`);
      }
      if (!fixed && field.start !== undefined) issues.push(`${at}.start: only for format fixed-width`);
      if (fixed && field.start !== undefined && field.start !== position)
        issues.push(`${at}.start: the previous fields end at ${position - 1}, so this one starts at ${position}`);
      position += field.width ?? field.pattern?.length ?? 0;
    });
    if (fixed && layout.recordLength !== undefined && position - 1 !== layout.recordLength) {
      issues.push(`records.${kind}.fields: the widths add up to ${position - 1}, recordLength is ${layout.recordLength}`);
    }
  }
  if (layout.checksum && !checksumUsed) issues.push('checksum: declared but no trailer field has source checksum');
  if (layout.checksum?.algorithm === 'hash-total') {
    const summed = detailFields.get(layout.checksum.of);
    const digits = summed?.type === 'text' && summed.charset === 'digits';
    if (!summed || summed.source !== 'value' || !(SUMMABLE.includes(summed.type) || digits)) {
      issues.push('checksum.of: must name a detail value field of type integer, amount or text with charset digits');
    }
  }
  return issues;
}

function checksumFieldIssues(layout: LayoutDefinition, field: FieldDefinition, at: string): string[] {
  if (!layout.checksum) return [`${at}.source: checksum needs the layout's checksum (algorithm)`];
  if (layout.checksum.algorithm === 'sha256') {
    if (field.type !== 'text') return [`${at}.type: a sha256 checksum is text (64 hex digits)`];
    if (field.width !== undefined && field.width !== 64) return [`${at}.width: a sha256 checksum is 64 hex digits`];
  } else if (field.type !== 'integer') return [`${at}.type: a hash total is an integer`];
  return [];
}
