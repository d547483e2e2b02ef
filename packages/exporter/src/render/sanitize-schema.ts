import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/** Elements removed together with their content: their text is code or markup, never prose. */
const STRIPPED_ELEMENTS = ['script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'object', 'embed', 'textarea', 'title', 'xmp', 'plaintext', 'select', 'option', 'svg', 'math'];

/**
 * The property that tells generated footnote elements from look-alikes in raw HTML. It carries a
 * per-render secret through rehype-raw and the sanitizer and is removed from every element after.
 */
export const GENERATED_MARK = 'dataQadocsMark';

/**
 * GitHub's sanitation schema (hast-util-sanitize's `defaultSchema`), adjusted for qadocs pages:
 * - footnote ids arrive unprefixed from mdast-util-to-hast (we convert with `clobberPrefix: ''`),
 *   so this schema's `user-content-` prefix is applied exactly once; fragment links are then pointed
 *   at the prefixed ids by `resolveFragments`;
 * - elements whose content is code (style sheets, templates, svg and math payloads) are dropped
 *   with their content instead of being unwrapped into visible text.
 * - `GENERATED_MARK` passes through, so generated footnote markup can be recognised afterwards.
 * Everything else (allowed tags, attributes, URL protocols) is GitHub's.
 */
export const pageSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: 'user-content-',
  strip: [...new Set([...(defaultSchema.strip ?? []), ...STRIPPED_ELEMENTS])],
  attributes: { ...defaultSchema.attributes, '*': [...(defaultSchema.attributes?.['*'] ?? []), GENERATED_MARK] },
};
