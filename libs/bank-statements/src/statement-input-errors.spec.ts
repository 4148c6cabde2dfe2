import { StatementFormatError } from './model/statement-format.error';
import { parseBankStatements } from './statement.parser';
import { renderCamt053 } from './testing/camt053.renderer';
import { renderMt940 } from './testing/mt940.renderer';
import { sampleStatement } from './testing/sample-statement.util';

const camt = renderCamt053([sampleStatement()]);
const mt940 = renderMt940([sampleStatement()]);

describe(`${parseBankStatements.name} on bad input`, () => {
  const sut = parseBankStatements;

  it('reads the well-formed samples the cases below break', () => {
    expect(sut(camt, 'camt053')[0]).toMatchObject({ balanced: true, issues: [] });
    expect(sut(mt940, 'mt940')[0]).toMatchObject({ balanced: true, issues: [] });
  });

  it.each<[string, string, StatementFormatError]>([
    ['text that is not XML', 'hello', new StatementFormatError('camt053', 'line 1 column 1', "not well-formed XML: char 'h' is not expected.")],
    [
      'an unknown camt version',
      camt.replace('camt.053.001.08', 'camt.053.001.13'),
      new StatementFormatError(
        'camt053',
        'Document',
        'unknown namespace urn:iso:std:iso:20022:tech:xsd:camt.053.001.13; known: camt.053.001.02-08 and camt.054.001.02-08 under urn:iso:std:iso:20022:tech:xsd:',
      ),
    ],
    [
      'a camt.054 given as camt.053',
      camt.replace('camt.053.001.08', 'camt.054.001.08'),
      new StatementFormatError('camt053', 'Document', 'the file is camt.054.001.08, not camt053'),
    ],
    [
      'a statement without its closing balance',
      camt.replace('<Cd>CLBD</Cd>', '<Cd>CLAV</Cd>'),
      new StatementFormatError('camt053', 'BkToCstmrStmt/Stmt[1]/Bal', 'no closing balance of type CLBD (the statement has: OPBD, CLAV)'),
    ],
    [
      'an amount with more decimals than EUR has',
      camt.replace('>25.50<', '>25.505<'),
      new StatementFormatError('camt053', 'BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt', '"25.505" has 3 decimals, EUR has 2'),
    ],
    [
      'an amount written with an exponent',
      camt.replace('>25.50<', '>2.55E1<'),
      new StatementFormatError('camt053', 'BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt', '"2.55E1" is not an amount (digits with at most one decimal separator)'),
    ],
    [
      'an unknown currency',
      camt.replace('<Amt Ccy="EUR">25.50', '<Amt Ccy="XEU">25.50'),
      new StatementFormatError('camt053', 'BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt', 'unknown currency "XEU" (not in ISO 4217)'),
    ],
    [
      'a credit/debit indicator that is neither',
      camt.replace('<CdtDbtInd>DBIT</CdtDbtInd><Sts>', '<CdtDbtInd>DEBIT</CdtDbtInd><Sts>'),
      new StatementFormatError('camt053', 'BkToCstmrStmt/Stmt[1]/Ntry[2]/CdtDbtInd', '"DEBIT" is neither CRDT nor DBIT'),
    ],
    [
      'a DOCTYPE that declares an entity',
      camt.replace('<Document', '<!DOCTYPE Document [<!ENTITY lol "lol">]>\n<Document').replace('Invoice 42', '&lol;'),
      new StatementFormatError('camt053', 'document', 'the DOCTYPE declares entities (lol); bank files may not'),
    ],
  ])('refuses %s (camt.053) naming where', (_case, text, error) => {
    expect(() => sut(text, 'camt053')).toThrow(StatementFormatError);
    expect(() => sut(text, 'camt053')).toThrow(error);
  });

  it.each<[string, string, StatementFormatError]>([
    ['a file without :20:', 'hello\n', new StatementFormatError('mt940', 'file', 'has no :20: tag, so no statement')],
    [
      'a statement without a closing balance',
      mt940.replace(/:62F:[^\r\n]*\r\n/, ''),
      new StatementFormatError('mt940', 'statement 1 (line 1)', 'has no :62F: or :62M: tag'),
    ],
    [
      'a malformed :61: line',
      mt940.replace(':61:260105', ':61:26AB05'),
      new StatementFormatError('mt940', 'line 5 :61:', 'is not a statement line (YYMMDD[MMDD] C|D|RC|RD amount type reference)'),
    ],
    [
      'a balance without its currency',
      mt940.replace('C260105EUR100,00', 'C260105100,00'),
      new StatementFormatError('mt940', 'line 4 :60F:', '"C260105100,00" is not a balance (C|D, YYMMDD, currency, amount with a comma)'),
    ],
    [
      'an amount with more decimals than EUR has',
      mt940.replace('C25,50', 'C25,505'),
      new StatementFormatError('mt940', 'line 5 :61:', '"25,505" has 3 decimals, EUR has 2'),
    ],
    ['a month 13', mt940.replace(':60F:C260105', ':60F:C261305'), new StatementFormatError('mt940', 'line 4 :60F:', '"1305" is not a month and day MMDD')],
  ])('refuses %s (MT940) naming where', (_case, text, error) => {
    expect(() => sut(text, 'mt940')).toThrow(StatementFormatError);
    expect(() => sut(text, 'mt940')).toThrow(error);
  });

  it('refuses a profile that does not apply to the format', () => {
    expect(() => sut(mt940, 'mt940', { profile: 'available-balances' })).toThrow(
      new StatementFormatError('mt940', 'options', 'the bank profile available-balances does not apply to mt940'),
    );
  });

  it('reads a document whose elements carry a namespace prefix', () => {
    const prefixed = camt.replace(/<(\/?)([A-Z])/g, '<$1c:$2').replace('xmlns=', 'xmlns:c=');

    expect(prefixed).toContain('<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">');
    expect(sut(prefixed, 'camt053')).toEqual(sut(camt, 'camt053'));
  });

  it('reads MT940 inside its SWIFT envelope (basic, application and text blocks, -} trailer)', () => {
    const envelope = `{1:F01BANKDEFFAXXX0000000000}{2:O9401200260105BANKDEFFAXXX00000000002601051200N}{4:\r\n${mt940.replace(/-$/, '-}')}{5:{CHK:123456789ABC}}`;

    expect(sut(envelope, 'mt940')).toEqual(sut(mt940, 'mt940'));
  });

  it('reads a file that starts with a UTF-8 byte order mark', () => {
    expect(sut(`\uFEFF${camt}`, 'camt053')).toHaveLength(1);
    expect(sut(`\uFEFF${mt940}`, 'mt940')).toHaveLength(1);
  });

  it('keeps the predefined entities and character references of a well-formed file', () => {
    const text = camt.replace('Invoice 42', 'Fish &amp; chips &#8364;5 &lt;net&gt;');

    expect(sut(text, 'camt053')[0]?.entries[0]?.remittanceInfo).toBe('Fish & chips €5 <net>');
  });
});
