import type { ErrorObject } from 'ajv';
import { z } from 'zod';
import type { Position } from '@qadocs/schema';
import { compileJsonSchema } from '../../json-schema/compile-json-schema.js';
import { defineRule, type RuleContext } from '../../rule.js';
import type { LintDocument } from '../../lint-document.js';
import { frontMatterOpener } from '../../document-places.js';

type Options = { schema?: Record<string, unknown> | undefined };

export default defineRule({
  id: 'frontmatter/schema',
  description: 'Require front matter that matches the configured schema',
  severity: 'error',
  fixable: false,
  messages: {
    mismatch: 'Unexpected front-matter value at `{{path}}`, expected it to {{expectation}}',
    mismatchRoot: 'Unexpected front matter, expected it to {{expectation}}',
    missing: 'Unexpected front matter without `{{path}}`, expected it as the schema requires',
    unknownKey: 'Unexpected front-matter key `{{path}}`, expected only the keys the schema allows',
    invalid: 'Unexpected front-matter value at `{{path}}`: {{message}}',
    invalidRoot: 'Unexpected front matter: {{message}}',
  },
  options: z
    .object({ schema: z.record(z.string(), z.unknown()).optional() })
    .strict()
    .superRefine((options, issues) => {
      if (!options.schema) return;
      try {
        compileJsonSchema(options.schema);
      } catch (error) {
        issues.addIssue({ code: 'custom', path: ['schema'], message: `Unexpected JSON Schema, expected one Ajv can compile: ${(error as Error).message}` });
      }
    }),
  check(document, context) {
    // A refused block (`---js`) was never read: there is nothing to validate.
    if (document.parseDiagnostics.some((diagnostic) => diagnostic.ruleId === 'frontmatter/unsafe-engine')) return;
    const data = document.record.frontmatter;
    if (context.options.schema) {
      const validate = compileJsonSchema(context.options.schema);
      if (!validate(data)) reportSchemaErrors(document, context, validate.errors ?? []);
      return;
    }
    const validate = context.settings.frontmatter.validate;
    if (!validate) return;
    for (const problem of validate(data)) {
      if (problem.key === '') context.report({ messageId: 'invalidRoot', data: { message: problem.message }, place: frontMatterOpener(document) });
      else context.report({ messageId: 'invalid', data: { path: problem.key, message: problem.message }, place: placeOfPath(document, problem.key.split('.')) });
    }
  },
});

function reportSchemaErrors(document: LintDocument, context: RuleContext<Options>, errors: readonly ErrorObject[]): void {
  const seen = new Set<string>();
  for (const error of errors) {
    const segments = pointerSegments(error.instancePath);
    let messageId = 'mismatch';
    let expectation = '';
    if (error.keyword === 'required') {
      segments.push(String(error.params.missingProperty));
      messageId = 'missing';
    } else if (error.keyword === 'additionalProperties') {
      segments.push(String(error.params.additionalProperty));
      messageId = 'unknownKey';
    } else {
      expectation = describeExpectation(error);
    }
    if (segments.length === 0 && messageId === 'mismatch') messageId = 'mismatchRoot';
    const path = segments.join('.');
    const key = `${messageId}\0${path}\0${expectation}`;
    if (seen.has(key)) continue;
    seen.add(key);
    context.report({ messageId, data: { path, expectation }, place: placeOfPath(document, segments) });
  }
}

/** Ajv says "must be string"; the message reads "expected it to be string". */
function describeExpectation(error: ErrorObject): string {
  const text = (error.message ?? 'match the schema').replace(/^must /, '').replace(/\bNOT\b/g, 'not');
  if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
    return `be one of ${(error.params.allowedValues as unknown[]).map((value) => `\`${showValue(value)}\``).join(', ')}`;
  }
  if (error.keyword === 'const') return `be \`${showValue(error.params.allowedValue)}\``;
  return text;
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `/tags/0` -> `['tags', '0']` (JSON Pointer, RFC 6901). */
function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The top-level key's line when the front matter has it, else the `---` opener. */
function placeOfPath(document: LintDocument, segments: readonly string[]): Position {
  const field = segments.length > 0 ? document.frontMatterFields.get(segments[0]!) : undefined;
  return field?.position ?? frontMatterOpener(document);
}
