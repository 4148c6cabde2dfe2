import { readFileSync } from 'node:fs';

import { compileField, type FieldCodec } from '../field/field.codec';
import { type LayoutDefinition, layoutDefinitionSchema, type RecordKind } from '../schema/layout-definition.schema';
import type { FileLayout, RecordLayout } from './file-layout.model';
import { FileNamePattern } from './file-name.pattern';
import { LayoutDefinitionError } from './layout-definition.error';
import { layoutRuleIssues } from './layout-definition.rules';

/** Reads a layout definition file (JSON) and compiles it; a bad file throws LayoutDefinitionError naming every bad key. */
export function loadLayoutFile(path: string): FileLayout {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new LayoutDefinitionError(path, [`cannot be read or parsed as JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return layoutFromDefinition(json, path);
}

/**
 * Validates a parsed definition (zod, then the rules between keys) and compiles it: every field's
 * codec, the file name pattern, and each constant written once so that a constant that does not
 * fit its width fails here, not on the first file.
 */
export function layoutFromDefinition(definition: unknown, source = 'layout definition'): FileLayout {
  const parsed = layoutDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    throw new LayoutDefinitionError(
      source,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const layout = parsed.data;
  const issues = layoutRuleIssues(layout);
  try {
    new FileNamePattern(layout.fileName);
  } catch (error) {
    issues.push(`fileName: ${(error as Error).message}`);
  }
  if (issues.length > 0) throw new LayoutDefinitionError(source, issues);
  const compiled = {
    header: compileRecord(layout, 'header', issues),
    detail: compileRecord(layout, 'detail', issues),
    trailer: compileRecord(layout, 'trailer', issues),
  };
  if (issues.length > 0 || !compiled.detail) throw new LayoutDefinitionError(source, issues);
  return {
    definition: layout,
    name: layout.name,
    encoding: layout.encoding,
    lineEnding: layout.lineEnding === 'crlf' ? '\r\n' : '\n',
    csv: layout.csv,
    ...compiled,
    detail: compiled.detail,
  };
}

function compileRecord(layout: LayoutDefinition, kind: RecordKind, issues: string[]): RecordLayout | undefined {
  const record = layout.records[kind];
  if (!record) return undefined;
  const fields: FieldCodec[] = [];
  record.fields.forEach((def, index) => {
    try {
      const field = compileField(def, layout.encoding);
      if (field.constant !== undefined) field.write(field.constant, () => undefined);
      fields.push(field);
    } catch (error) {
      issues.push(`records.${kind}.fields.${index}: ${(error as Error).message}`);
    }
  });
  return { kind, fields, byName: new Map(fields.map((f) => [f.name, f])) };
}
