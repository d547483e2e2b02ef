import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { compileJsonSchema } from '../json-schema/compile-json-schema.js';
import { ConfigError } from './config-error.js';
import { readRegularFile } from './read-regular-file.js';
import type { LintSettings } from './settings.js';

/** The `settings.frontmatter.validate` function: a problem per key, empty when the front matter fits. */
export type FrontmatterValidator = NonNullable<LintSettings['frontmatter']['validate']>;

/**
 * Compile `frontmatter.schema`: a JSON Schema file (draft-07, 2019-09 or 2020-12, by its `$schema`)
 * validated with ajv, or a zod schema given in a JS/TS config.
 */
export function compileFrontmatterSchema(schema: string | z.ZodType, context: { baseDirectory: string; where: string; file: string | null }): FrontmatterValidator {
  if (typeof schema !== 'string') return zodValidator(schema);
  const refuse = (reason: string, cause?: unknown) =>
    new ConfigError(`Unexpected value "${schema}" for "frontmatter.schema" ${context.where} (${reason}), expected the path of a readable JSON Schema file, relative to the config`, { key: 'frontmatter.schema', value: schema, file: context.file, cause });
  const text = readSchemaFile(path.resolve(context.baseDirectory, schema), context.baseDirectory, refuse);
  let json: unknown;
  try {
    json = /\.ya?ml$/i.test(schema) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    // The parsers' messages quote the text around the error: say where, never what.
    throw refuse(`not valid ${/\.ya?ml$/i.test(schema) ? 'YAML' : 'JSON'}${syntaxErrorPlace(error, text)}`, error);
  }
  let validate: ValidateFunction;
  try {
    validate = compileJsonSchema(json as object);
  } catch (error) {
    throw new ConfigError(`Unexpected JSON Schema in "${schema}" for "frontmatter.schema" ${context.where}: ${(error as Error).message}, expected a valid JSON Schema (draft-07, 2019-09 or 2020-12)`, { key: 'frontmatter.schema', value: schema, file: context.file, cause: error });
  }
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map(describeAjvError));
}

/** The largest schema file read: real front-matter schemas are a few KB. */
const MAX_SCHEMA_BYTES = 1024 * 1024;

/**
 * A schema file's text, read only when it is a regular file of at most `MAX_SCHEMA_BYTES` inside the
 * config's folder or the git repository around it: a config from a cloned repository must not make
 * qadocs read `/dev/zero` (memory without end), wait on a FIFO, or show a line of `/etc/shadow` in an
 * error.
 */
function readSchemaFile(schemaPath: string, baseDirectory: string, refuse: (reason: string, cause?: unknown) => ConfigError): string {
  let real: string;
  try {
    real = realpathSync(schemaPath);
  } catch (error) {
    throw refuse((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'the file cannot be opened', error);
  }
  const allowed = [realpathSync(baseDirectory), repositoryRoot(baseDirectory)].filter((folder): folder is string => folder !== null);
  if (!allowed.some((folder) => isInside(real, folder))) throw refuse(`the file is outside ${allowed.length > 1 ? "the config's folder and its repository" : "the config's folder"}`);
  try {
    return readRegularFile(real, MAX_SCHEMA_BYTES);
  } catch (error) {
    throw refuse((error as Error).message, error);
  }
}

/** The git work tree around `folder` (the nearest folder holding `.git`), or null outside one. */
function repositoryRoot(folder: string): string | null {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    if (existsSync(path.join(current, '.git'))) return realpathSync(current);
    if (path.dirname(current) === current) return null;
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** ` at line L, column C` of a JSON or YAML syntax error, when the parser says where. */
function syntaxErrorPlace(error: unknown, text: string): string {
  if (error instanceof YAMLParseError && error.linePos) return ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}`;
  const offset = /at position (\d+)/.exec((error as Error).message)?.[1];
  if (offset === undefined) return '';
  const before = text.slice(0, Number(offset)).split('\n');
  return ` at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

function describeAjvError(error: ErrorObject): { key: string; message: string } {
  const segments = error.instancePath.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  const allowed = error.keyword === 'enum' ? `: ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}` : '';
  return { key: segments.join('.'), message: `${error.message ?? 'is not valid'}${allowed}` };
}

function zodValidator(schema: z.ZodType): FrontmatterValidator {
  return (data) => {
    const result = schema.safeParse(data);
    return result.success ? [] : result.error.issues.map((issue) => ({ key: issue.path.map(String).join('.'), message: issue.message }));
  };
}
