import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { compileJsonSchema } from '../json-schema/compile-json-schema.js';
import { ConfigError } from './config-error.js';
import type { LintSettings } from './settings.js';

/** The `settings.frontmatter.validate` function: a problem per key, empty when the front matter fits. */
export type FrontmatterValidator = NonNullable<LintSettings['frontmatter']['validate']>;

/**
 * Compile `frontmatter.schema`: a JSON Schema file (draft-07, 2019-09 or 2020-12, by its `$schema`)
 * validated with ajv, or a zod schema given in a JS/TS config.
 */
export function compileFrontmatterSchema(schema: string | z.ZodType, context: { baseDirectory: string; where: string; file: string | null }): FrontmatterValidator {
  if (typeof schema !== 'string') return zodValidator(schema);
  const schemaPath = path.resolve(context.baseDirectory, schema);
  let json: unknown;
  try {
    const text = readFileSync(schemaPath, 'utf8');
    json = /\.ya?ml$/i.test(schemaPath) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ConfigError(`Unexpected value "${schema}" for "frontmatter.schema" ${context.where} (${reason}), expected the path of a readable JSON Schema file, relative to the config`, { key: 'frontmatter.schema', value: schema, file: context.file, cause: error });
  }
  let validate: ValidateFunction;
  try {
    validate = compileJsonSchema(json as object);
  } catch (error) {
    throw new ConfigError(`Unexpected JSON Schema in "${schema}" for "frontmatter.schema" ${context.where}: ${(error as Error).message}, expected a valid JSON Schema (draft-07, 2019-09 or 2020-12)`, { key: 'frontmatter.schema', value: schema, file: context.file, cause: error });
  }
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map(describeAjvError));
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
