import { QA_DOCUMENT_SCHEMA_ID, qaDocumentJsonSchema, type QaDocument } from '@qadocs/schema';

/** A JSON Schema node, as far as key ordering needs to read it. */
interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  type?: string | string[];
}

const recordSchema = qaDocumentJsonSchema() as SchemaNode & { $defs?: Record<string, SchemaNode> };
const definitions = recordSchema.$defs ?? {};

/**
 * The bytes of `json/docs/<id>.json`: `$schema` (the schema's `$id`) first, then keys in the order
 * the published schema lists them, 2-space indentation and a trailing newline, so the same record
 * always gives the same file. Front-matter keys keep the order the author wrote them in.
 */
export function serializeRecord(record: QaDocument): string {
  return `${JSON.stringify(orderKeys({ ...record, $schema: QA_DOCUMENT_SCHEMA_ID }, recordSchema), null, 2)}\n`;
}

/**
 * A copy of `value` whose object keys follow the schema's `properties` order. The order is taken from
 * the generated JSON Schema rather than from how the record happened to be built (a structured clone
 * from a worker, a record read back from disk), so it cannot drift from what consumers see documented.
 */
function orderKeys(value: unknown, schema: SchemaNode | undefined): unknown {
  const node = resolve(schema, value);
  if (Array.isArray(value)) return value.map((item) => orderKeys(item, node?.items));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  const properties = node?.properties ?? {};
  for (const key of Object.keys(properties)) {
    if (Object.hasOwn(source, key)) ordered[key] = orderKeys(source[key], properties[key]);
  }
  const rest = typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined;
  for (const key of Object.keys(source)) {
    if (!Object.hasOwn(ordered, key)) ordered[key] = orderKeys(source[key], rest);
  }
  return ordered;
}

/** Follow `$ref`s (bare or wrapped in a one-item `allOf`) and pick the `anyOf` branch that describes a value of this shape. */
function resolve(schema: SchemaNode | undefined, value: unknown): SchemaNode | undefined {
  let node = schema;
  for (let depth = 0; node && depth < 16; depth++) {
    if (node.$ref) {
      node = definitions[node.$ref.replace('#/$defs/', '')];
      continue;
    }
    if (node.allOf?.length === 1) {
      node = node.allOf[0];
      continue;
    }
    const branches = node.anyOf ?? node.oneOf;
    if (!branches) return node;
    node = branches.find((branch) => describesShape(resolveRefs(branch), value));
  }
  return node;
}

function resolveRefs(node: SchemaNode): SchemaNode {
  const target = node.allOf?.length === 1 ? node.allOf[0]! : node;
  return target.$ref ? (definitions[target.$ref.replace('#/$defs/', '')] ?? target) : target;
}

function describesShape(node: SchemaNode, value: unknown): boolean {
  const types = node.anyOf || node.oneOf ? ['object', 'array'] : [node.type ?? 'object'].flat();
  if (Array.isArray(value)) return types.includes('array');
  if (value !== null && typeof value === 'object') return types.includes('object');
  return true;
}
