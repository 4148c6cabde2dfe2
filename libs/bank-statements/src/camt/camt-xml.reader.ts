import { XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser';

import { StatementFormatError } from '../model/statement-format.error';

/** A parsed element: child elements by local name, `#text` for mixed content, `@_name` for attributes. */
export type XmlElement = { readonly [name: string]: unknown };

export interface XmlDocument {
  /** Local name of the root element (`Document`). */
  readonly rootName: string;
  /** The root's namespace URI (default or prefixed), or null when it has none. */
  readonly namespace: string | null;
  readonly root: XmlElement;
}

/** Elements that may repeat in camt.053/054 and are therefore always read as lists. */
const REPEATED = new Set(['Stmt', 'Ntfctn', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'CdtrRefInf']);

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Entity handling for bank files: XML's five predefined entities and character references only.
 * A DOCTYPE that declares entities is refused (no expansion, so no "billion laughs"); nothing
 * external is ever fetched (fast-xml-parser has no resolver).
 */
const entityDecoder: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: (entities) => {
    const names = Object.keys(entities);
    if (names.length > 0) throw new Error(`the DOCTYPE declares entities (${names.join(', ')}); bank files may not`);
  },
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) =>
    text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (_match, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      const value = PREDEFINED[name];
      if (value === undefined) throw new Error(`entity &${name}; is not one of XML's predefined entities`);
      return value;
    }),
};

/**
 * Reads a camt file with fast-xml-parser, configured for money: every value stays a string
 * (parseTagValue/parseAttributeValue false, so `0.10` never becomes the float 0.1), namespace
 * prefixes are dropped from element names and the root's namespace is returned separately.
 * Not well-formed XML is a StatementFormatError naming the line and column.
 */
export function readCamtXml(text: string, format: string): XmlDocument {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    throw new StatementFormatError(format, `line ${line} column ${col}`, `not well-formed XML: ${msg}`);
  }
  // The first tag name seen, prefix included: the root's, to find its namespace declaration.
  const seen: { rootTag: string | null } = { rootTag: null };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    entityDecoder,
    isArray: (name) => REPEATED.has(name),
    transformTagName: (name) => {
      seen.rootTag ??= name;
      return localName(name);
    },
  });
  let parsed: XmlElement;
  try {
    parsed = parser.parse(text) as XmlElement;
  } catch (error) {
    throw new StatementFormatError(format, 'document', error instanceof Error ? error.message : String(error));
  }
  const { rootTag } = seen;
  if (rootTag === null) throw new StatementFormatError(format, 'document', 'has no root element');
  const rootName = localName(rootTag);
  const root = asElement(parsed[rootName]);
  const prefix = rootTag.includes(':') ? rootTag.slice(0, rootTag.indexOf(':')) : null;
  const namespace = root[prefix === null ? '@_xmlns' : `@_xmlns:${prefix}`];
  return { rootName, namespace: typeof namespace === 'string' ? namespace : null, root };
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function asElement(value: unknown): XmlElement {
  return typeof value === 'object' && value !== null ? (value as XmlElement) : {};
}
