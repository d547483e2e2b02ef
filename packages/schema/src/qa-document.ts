import { z } from 'zod';

/** The version of the QaDocument record shape; bumped on any breaking change. */
export const SCHEMA_VERSION = 2 as const;

/** Where the published schemas of this version live: each schema's `$id`, and the `$schema` of every exported JSON file. */
export const SCHEMA_BASE = `https://qadocs.dev/schema/v${SCHEMA_VERSION}`;

/** `$id` of the record schema, written as `$schema` in every `json/docs/<id>.json`. */
export const QA_DOCUMENT_SCHEMA_ID = `${SCHEMA_BASE}/qa-document.schema.json`;

/** The four Diátaxis categories, in the order the framework presents them. */
export const CATEGORIES = ['tutorial', 'how-to', 'reference', 'explanation'] as const;

// Every schema that is a named type for consumers carries `id` (its `$defs` name, what quicktype names
// it) and `title` (what json-schema-to-typescript names it); every property carries a description.

export const pointSchema = z
  .object({
    line: z.number().int().min(1).describe('1-based line in the original file'),
    column: z.number().int().min(1).describe('1-based column in the original file'),
    offset: z.number().int().min(0).describe('0-based UTF-16 offset in the decoded original file'),
  })
  .strict()
  .meta({ id: 'Point', title: 'Point', description: 'One place in the original file (a unist point).', examples: [{ line: 3, column: 1, offset: 42 }] });

/** A unist position in the original file: front matter, BOM and CRLF included. */
export const positionSchema = z
  .object({
    start: pointSchema.describe('where the node starts'),
    end: pointSchema.describe('where the node ends (exclusive)'),
  })
  .strict()
  .meta({ id: 'Position', title: 'Position', description: 'A span of the original file, front matter and BOM included (a unist position).' });

export const categorySchema = z
  .enum(CATEGORIES)
  .meta({ id: 'Category', title: 'Category', description: 'A Diátaxis category.', examples: ['how-to'] });

export interface ItemShape {
  label: string | null;
  text: string;
  citations: string[];
  children: ItemShape[];
  position: z.infer<typeof positionSchema>;
}

export const itemSchema: z.ZodType<ItemShape> = z
  .lazy(() =>
    z
      .object({
        label: z.string().nullable().describe('the bold lead of the item: `**Purpose**: …` gives `Purpose`; null without one'),
        text: z.string().describe('plain text of the item without its label and nested lists'),
        citations: z.array(z.string()).describe('footnote labels referenced by this item itself (not its nested lists)'),
        children: z.array(itemSchema).describe('items of lists nested in this item'),
        position: positionSchema.describe('the list item in the original file'),
      })
      .strict(),
  )
  .meta({ id: 'Item', title: 'Item', description: 'One list item of a section, with its nested items.' });

export const sectionSchema = z
  .object({
    heading: z.string().nullable().describe('heading text with emphasis stripped; null for the part before the first heading'),
    depth: z.number().int().min(0).max(6).describe('Markdown heading depth (1-6); 0 for the part before the first heading'),
    items: z.array(itemSchema).describe('items of the lists directly in this section'),
    citations: z.array(z.string()).describe('footnote labels referenced anywhere in the section (heading, paragraphs, lists, tables, block quotes), in order of first reference'),
    position: positionSchema.describe('from the heading (or first node) to the last node of the section'),
  })
  .strict()
  .meta({ id: 'Section', title: 'Section', description: 'A part of an answer: a heading and what follows it up to the next heading.' });

export const claimSchema = z
  .object({
    text: z.string().describe('plain text of the statement'),
    citations: z.array(z.string()).describe('footnote labels the statement cites'),
    position: positionSchema.describe('the list item, paragraph, table row or heading in the original file'),
  })
  .strict()
  .meta({
    id: 'Claim',
    title: 'Claim',
    description:
      'A statement of fact in an answer: a labelled or sentence-like unordered list item, or any paragraph, table row or heading that cites a source. Every footnote reference of an answer is in one claim.',
  });

export const answerSchema = z
  .object({
    markdown: z.string().describe('the answer as written (Markdown source, footnote definitions excluded)'),
    text: z.string().describe('plain text of the answer, blocks separated by a blank line'),
    sections: z.array(sectionSchema).describe('the answer split at its headings'),
    summary: z.string().nullable().describe('a closing paragraph that starts "In summary", "In short", … ; null without one'),
    claims: z.array(claimSchema).describe('statements of fact, in document order'),
  })
  .strict()
  .meta({ id: 'Answer', title: 'Answer', description: 'The answer to one question.' });

export const qaEntrySchema = z
  .object({
    question: z.string().describe('the question as plain text'),
    position: positionSchema.describe('the question in the original file (its heading or paragraph)'),
    answer: answerSchema.describe('everything that answers the question'),
    citations: z.array(z.string()).describe('footnote labels referenced in the question or anywhere in its answer, in order of first reference'),
  })
  .strict()
  .meta({ id: 'QaEntry', title: 'QaEntry', description: 'One question and its answer.' });

export const citationSchema = z
  .object({
    label: z.string().describe('the footnote label: its identity'),
    index: z.number().int().min(0).describe('order of first reference, from 1; 0 when never referenced'),
    title: z.string().nullable().describe('the title of the cited work, when the definition gives one'),
    url: z.string().nullable().describe('the first URL of the definition'),
    domain: z.string().nullable().describe('host name of `url`, without `www.`'),
    text: z.string().describe('plain text of the footnote definition'),
    referencedBy: z.array(positionSchema).describe('every footnote reference to this label, in document order'),
    position: positionSchema.describe('the footnote definition in the original file'),
  })
  .strict()
  .meta({ id: 'Citation', title: 'Citation', description: 'A footnote definition: one source the document cites.' });

export const provenanceSchema = z
  .object({
    kind: z.enum(['ai-assistant', 'human', 'unknown']).meta({ id: 'ProvenanceKind', title: 'ProvenanceKind', description: 'Who wrote an answer.' }).describe('who wrote the answer, as far as the document says'),
    tool: z.string().nullable().describe('the assistant or author named, e.g. `Copilot`'),
    date: z.string().nullable().describe('ISO 8601 (YYYY-MM-DD) when readable without ambiguity'),
    raw: z.string().describe('the provenance line or front-matter value as written'),
    position: positionSchema.describe('the provenance line or front-matter field in the original file'),
  })
  .strict()
  .meta({ id: 'Provenance', title: 'Provenance', description: 'Where the answer came from (`Source: Conversation with Copilot, 10/10/2024`).' });

export const linkSchema = z
  .object({
    text: z.string().describe('the link text'),
    url: z.string().describe('the link destination as written'),
    position: positionSchema.describe('the link in the original file'),
  })
  .strict()
  .meta({ id: 'Link', title: 'Link', description: 'A link of the "Further reading" section.' });

export const classificationSchema = z
  .object({
    predicted: categorySchema.nullable().describe('the category the content reads as, or null when none is clear'),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('how often a prediction this confident is right: the top probability through the fitted calibration (0..1); null when `predicted` is null (no prediction to be confident about)'),
    evidence: z.array(z.string()).describe('the signals that decided it, strongest first, in plain words'),
  })
  .strict()
  .meta({
    id: 'Classification',
    title: 'Classification',
    description: "The classifier's reading of the document (what `qadocs classify` prints).",
    examples: [
      { predicted: 'how-to', confidence: 0.82, evidence: ['the question asks how to do something ("How do I…?")'] },
      { predicted: null, confidence: null, evidence: [] },
    ],
  });

export const statsSchema = z
  .object({
    words: z.number().int().min(0).describe('words of prose in the body'),
    readingMinutes: z.number().int().min(0).describe('words / 200, rounded up; 0 for an empty body'),
  })
  .strict()
  .meta({ id: 'Stats', title: 'Stats', description: 'Size of the document.' });

export const qaDocumentSchema = z
  .object({
    $schema: z.literal(QA_DOCUMENT_SCHEMA_ID).meta({ id: 'QaDocumentSchemaId', title: 'QaDocumentSchemaId', description: 'The `$id` of the record schema of this version.' }).optional().describe('the `$id` of this schema; present in every exported record file'),
    schemaVersion: z.literal(SCHEMA_VERSION).describe('version of the record shape'),
    id: z.string().min(1).describe('front-matter `id`, else the path under the content root without extension').meta({ examples: ['how-to/add-footnotes-in-markdown'] }),
    path: z.string().describe('POSIX path relative to the content root').meta({ examples: ['how-to/add-footnotes-in-markdown.md'] }),
    hash: z.string().regex(/^sha256-[0-9a-f]{64}$/).describe('`sha256-` and the hex SHA-256 of the source bytes'),
    title: z.string().nullable().describe('front-matter `title`'),
    description: z.string().nullable().describe('front-matter `description`'),
    category: categorySchema.nullable().describe('the declared category (front-matter `category`)'),
    frontmatter: z.record(z.string(), z.unknown()).describe('as authored, JSON-safe (dates as ISO strings): any JSON value under each key'),
    entries: z.array(qaEntrySchema).describe('one per question, in document order'),
    citations: z.array(citationSchema).describe('footnote definitions in document order'),
    provenance: provenanceSchema.nullable().describe('where the answer came from; null when the document does not say'),
    furtherReading: z.array(linkSchema).describe('the links under "Further reading", "See also", …'),
    stats: statsSchema.describe('size of the document'),
    classification: classificationSchema.nullable().describe('the classifier\'s reading of the content; null when the record was made without it (the parser alone)'),
  })
  .strict()
  .meta({ id: 'QaDocument', title: 'QaDocument', description: 'One question-and-answer Markdown file, as exported by qadocs.' });

export type Point = z.infer<typeof pointSchema>;
export type Position = z.infer<typeof positionSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Item = ItemShape;
export type Section = z.infer<typeof sectionSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type QaEntry = z.infer<typeof qaEntrySchema>;
export type Citation = z.infer<typeof citationSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type Link = z.infer<typeof linkSchema>;
export type Classification = z.infer<typeof classificationSchema>;
export type Stats = z.infer<typeof statsSchema>;
export type QaDocument = z.infer<typeof qaDocumentSchema>;
