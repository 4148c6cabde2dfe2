import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LayoutDefinitionError } from './layout-definition.error';
import { layoutFromDefinition, loadLayoutFile } from './layout-definition.loader';
import { SHIPPED_LAYOUT_NAMES, shippedLayout } from './shipped-layouts';

/** A valid fixed-width layout, to break one key at a time. */
function fixedLayout() {
  return {
    name: 'test-fixed',
    format: 'fixed-width',
    encoding: 'ascii',
    lineEnding: 'lf',
    recordLength: 20,
    fileName: 'T{sequence:3}.DAT',
    checksum: { algorithm: 'hash-total', of: 'ref' },
    records: {
      detail: {
        fields: [
          { name: 'type', type: 'text', source: 'constant', value: 'D', width: 1 },
          { name: 'ref', type: 'text', charset: 'digits', start: 2, width: 6 },
          { name: 'amount', type: 'amount', start: 8, width: 13 },
        ],
      },
      trailer: {
        fields: [
          { name: 'count', type: 'integer', source: 'recordCount', width: 5 },
          { name: 'hash', type: 'integer', source: 'checksum', width: 15 },
        ],
      },
    },
  } as Record<string, unknown> & { records: { detail: { fields: Array<Record<string, unknown>> }; trailer: { fields: Array<Record<string, unknown>> } } };
}

function issuesOf(definition: unknown): readonly string[] {
  try {
    layoutFromDefinition(definition, 'test');
  } catch (error) {
    if (error instanceof LayoutDefinitionError) return error.issues;
    throw error;
  }
  throw new Error('the definition was accepted');
}

describe(layoutFromDefinition.name, () => {
  it('accepts the shipped layouts and the base of these tests', () => {
    expect(SHIPPED_LAYOUT_NAMES.map((name) => shippedLayout(name).name)).toEqual([
      'acquirer-settlement-report-csv',
      'acquirer-transfer-file-csv',
      'acquirer-transactions-csv',
      'acquirer-transactions-fixed',
      'journal-entries-csv',
    ]);
    expect(layoutFromDefinition(fixedLayout()).detail.fields.map((f) => f.width)).toEqual([1, 6, 13]);
  });

  it('names the path of a key the schema refuses, every one at once', () => {
    const layout = fixedLayout();
    layout.records.detail.fields[1].width = 0;
    layout.records.detail.fields[2].type = 'money';
    layout.lineEnding = 'cr';
    layout.colour = 'blue';
    expect(issuesOf(layout)).toEqual([
      expect.stringMatching(/^lineEnding: Invalid option/),
      expect.stringMatching(/^records\.detail\.fields\.1\.width: Too small/),
      expect.stringMatching(/^records\.detail\.fields\.2\.type: Invalid option/),
      expect.stringMatching(/^\(root\): Unrecognized key: "colour"/),
    ]);
  });

  it.each([
    [
      'a start that leaves a gap',
      (l: ReturnType<typeof fixedLayout>) => (l.records.detail.fields[2].start = 9),
      'records.detail.fields.2.start: the previous fields end at 7, so this one starts at 8',
    ],
    [
      'widths that miss the record length',
      (l: ReturnType<typeof fixedLayout>) => (l.recordLength = 21),
      'records.detail.fields: the widths add up to 20, recordLength is 21',
    ],
    [
      'a field without width',
      (l: ReturnType<typeof fixedLayout>) => delete l.records.detail.fields[2].width,
      'records.detail.fields.2.width: required in a fixed-width layout',
    ],
    [
      'a total in a detail',
      (l: ReturnType<typeof fixedLayout>) => (l.records.detail.fields[2].source = 'total'),
      'records.detail.fields.2.source: a detail cannot use total',
    ],
    [
      'a key of another type',
      (l: ReturnType<typeof fixedLayout>) => (l.records.detail.fields[1].sign = 'minus'),
      'records.detail.fields.1.sign: only for type amount',
    ],
    [
      'UTF-8 in fixed width',
      (l: ReturnType<typeof fixedLayout>) => (l.encoding = 'utf-8'),
      'encoding: a fixed-width layout needs a one-byte encoding (latin1 or ascii), so that widths are bytes',
    ],
    [
      'a hash total of text',
      (l: ReturnType<typeof fixedLayout>) => delete l.records.detail.fields[1].charset,
      'checksum.of: must name a detail value field of type integer, amount or text with charset digits',
    ],
    [
      'a total of nothing',
      (l: ReturnType<typeof fixedLayout>) => l.records.trailer.fields.push({ name: 't', type: 'amount', source: 'total', of: 'nope', width: 1 }),
      'records.trailer.fields.2.of: must name a detail value field of type amount or integer',
    ],
    [
      'a total of the details where a field that is not a detail field holds a value',
      (l: ReturnType<typeof fixedLayout>) =>
        l.records.trailer.fields.push({ name: 't', type: 'amount', source: 'total', of: 'amount', when: { field: 'side', equals: 'D' }, width: 13 }),
      'records.trailer.fields.2.when.field: must name a detail field',
    ],
    [
      'a filter on a field that is not a total',
      (l: ReturnType<typeof fixedLayout>) => (l.records.trailer.fields[0].when = { field: 'ref', equals: '1' }),
      'records.trailer.fields.0.when: only for source total',
    ],
    [
      'a constant too wide',
      (l: ReturnType<typeof fixedLayout>) => (l.records.detail.fields[0].value = 'DT'),
      'records.detail.fields.0: 2 characters do not fit in its width of 1',
    ],
    [
      'a CSV quote that is the delimiter',
      (l: ReturnType<typeof fixedLayout>) => Object.assign(l, { format: 'csv', recordLength: undefined, csv: { delimiter: '"' } }),
      'csv.quote: must differ from the delimiter',
    ],
    [
      'a date pattern typo',
      (l: ReturnType<typeof fixedLayout>) => (l.fileName = 'T{businessDay:yyyyMMDD}'),
      'fileName: "D" at position 7 is not part of a token (yyyy, MM, dd, HH, mm, ss; T and Z may stand alone)',
    ],
  ])('refuses %s, naming the key', (_case, breakIt, issue) => {
    const layout = fixedLayout();
    breakIt(layout);
    expect(issuesOf(layout)).toContain(issue);
  });

  it('loads a layout file and names the file when it is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'file-layout-'));
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(fixedLayout()));
    writeFileSync(join(dir, 'bad.json'), '{ "name": ');
    expect(loadLayoutFile(join(dir, 'ok.json')).name).toBe('test-fixed');
    expect(() => loadLayoutFile(join(dir, 'bad.json'))).toThrow(/^file layout .*bad\.json is invalid: cannot be read or parsed as JSON/);
  });
});
