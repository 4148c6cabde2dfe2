import type { XmlElement } from './camt-xml.reader';

/** The child element `name`, or undefined; a repeated element yields its first occurrence. */
export function child(parent: XmlElement | undefined, name: string): XmlElement | undefined {
  const value = parent?.[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return undefined;
  return typeof first === 'object' ? (first as XmlElement) : { '#text': first };
}

/** All occurrences of the child element `name` (elements listed as repeated in the reader). */
export function children(parent: XmlElement | undefined, name: string): XmlElement[] {
  const value = parent?.[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((item: unknown) =>
    typeof item === 'object' && item !== null ? (item as XmlElement) : { '#text': item },
  );
}

/** Text content of the element at `path` (`Acct/Id/IBAN`), trimmed; undefined when absent or empty. */
export function textAt(parent: XmlElement | undefined, path: string): string | undefined {
  let node = parent;
  for (const name of path.split('/')) node = child(node, name);
  return ownText(node);
}

/** The element's own text, trimmed; undefined when it has none. */
export function ownText(node: XmlElement | undefined): string | undefined {
  const text = node?.['#text'];
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** An attribute of the element at `path` (`Amt` + `Ccy`). */
export function attributeAt(parent: XmlElement | undefined, path: string, attribute: string): string | undefined {
  let node = parent;
  for (const name of path.split('/')) node = child(node, name);
  const value = node?.[`@_${attribute}`];
  return typeof value === 'string' ? value.trim() : undefined;
}
