import type { AnySchema, ValidateFunction } from 'ajv';
import { requireFromLinter as require } from '../package-files.js';

/** One compiled validator per schema object: options are parsed once per config, files are many. */
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Compile a JSON Schema with Ajv, in the draft its `$schema` names (2020-12, 2019-09, else draft-07),
 * with formats. Ajv is loaded on first use: most projects configure no schema, and loading it costs
 * every run (editors, pre-commit) startup time.
 */
export function compileJsonSchema(schema: object): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const declared = String((schema as { $schema?: unknown }).$schema ?? '');
  const options = { allErrors: true, strict: false };
  const module = declared.includes('2020-12') ? require('ajv/dist/2020') : declared.includes('2019-09') ? require('ajv/dist/2019') : require('ajv');
  const ajv = new module.default(options);
  require('ajv-formats').default(ajv);
  const validate = ajv.compile(schema as AnySchema) as ValidateFunction;
  compiled.set(schema, validate);
  return validate;
}
