import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, parseFile } from '../src/index.js';

import { REFERENCE_DOCUMENT } from '../../../test-support/project-paths.mjs';

const seedFile = REFERENCE_DOCUMENT;
const seedDir = path.dirname(seedFile);

describe('the reference document', () => {
  it('parses to the record SPEC §2 describes', async () => {
    const { record, diagnostics } = await parseFile(seedFile, { root: seedDir });
    expect(diagnostics).toEqual([]);
    expect(record.id).toBe('000_3668c700682cea6a');
    expect(record.title).toBe('Questions');
    expect(record.description).toBe('Questions.');
    expect(record.category).toBeNull();
    expect(record.entries).toHaveLength(1);
    const [entry] = record.entries;
    expect(entry!.question).toBe("What's the difference between azure compute gallery and azure container registry?");
    expect(entry!.position.start).toEqual({ line: 6, column: 1, offset: 50 });
    const { sections, summary } = entry!.answer;
    expect(sections.map((section) => [section.heading, section.depth, section.position.start.line])).toEqual([
      ['Azure Compute Gallery', 3, 10],
      ['Azure Container Registry', 3, 18],
    ]);
    expect(sections[0]!.items.map((item) => item.label)).toEqual(['Purpose', 'Features']);
    expect(sections[0]!.items[0]!.text).toBe('It helps you manage and share VM images and applications.');
    expect(sections[0]!.items[1]!.children.map((item) => [item.label, item.citations, item.position.start.line])).toEqual([
      ['Global Replication', ['1'], 13],
      ['Versioning and Grouping', ['1'], 14],
      ['Sharing', [], 15],
      ['Scaling', [], 16],
    ]);
    expect(sections[1]!.items[1]!.children.map((item) => item.label)).toEqual([
      'Geo-Replication',
      'Integrated Authentication',
      'Artifact Support',
      'Namespace Management',
    ]);
    expect(summary).toMatch(/^In summary, Azure Compute Gallery is ideal for managing/);
    expect(entry!.answer.markdown.startsWith('Azure Compute Gallery and Azure Container Registry serve')).toBe(true);
    expect(entry!.answer.markdown.endsWith('aspects of cloud resource management.')).toBe(true);
  });

  it('reads 3 citations with URLs, domains, first-reference order and every reference site', async () => {
    const { record } = await parseFile(seedFile, { root: seedDir });
    expect(record.citations.map((citation) => [citation.label, citation.index, citation.domain, citation.referencedBy.length, citation.position.start.line])).toEqual([
      ['1', 1, 'learn.microsoft.com', 2, 29],
      ['2', 2, 'learn.microsoft.com', 3, 30],
      ['3', 3, 'learn.microsoft.com', 1, 31],
    ]);
    expect(record.citations.map((citation) => citation.url)).toEqual([
      'https://learn.microsoft.com/en-us/azure/virtual-machines/azure-compute-gallery',
      'https://learn.microsoft.com/en-us/azure/container-registry/container-registry-concepts',
      'https://learn.microsoft.com/en-us/azure/container-registry/container-registry-best-practices',
    ]);
    expect(record.citations[0]!.title).toBe('Overview of Azure Compute Gallery - Azure Virtual Machines.');
    expect(record.citations[0]!.referencedBy.map((place) => `${place.start.line}:${place.start.column}`)).toEqual(['13:127', '14:100']);
  });

  it('reads provenance, further reading and pseudo-citations with positions in the original file', async () => {
    const parsed = await parseFile(seedFile, { root: seedDir });
    expect(parsed.record.provenance).toMatchObject({ kind: 'ai-assistant', tool: 'Copilot', date: '2024-10-10', raw: 'Source: Conversation with Copilot, 10/10/2024' });
    expect(parsed.record.provenance!.position.start.line).toBe(28);
    expect(parsed.record.furtherReading).toEqual([
      { text: 'about how-to guides', url: 'https://diataxis.fr/how-to-guides/', position: expect.objectContaining({ start: { line: 36, column: 8, offset: expect.any(Number) } }) },
    ]);
    expect(parsed.pseudoCitations.map((finding) => [finding.kind, finding.position.start.line, finding.number])).toEqual([
      ['superscript-link', 15, 1],
      ['superscript-link', 16, 1],
      ['superscript-glued', 24, 3],
    ]);
    for (const finding of parsed.pseudoCitations) expect(parsed.source.slice(...finding.range)).toBe(finding.raw);
  });

  it('keeps positions exact with a BOM and CRLF line endings', () => {
    const raw = readFileSync(seedFile, 'utf8');
    const crlf = '\uFEFF' + raw.replace(/\n/g, '\r\n');
    const { record, source } = parseDocument(crlf, { path: 'seed.md' });
    expect(record.entries[0]!.position.start.line).toBe(6);
    expect(record.provenance!.position.start.line).toBe(28);
    expect(record.citations.map((citation) => citation.position.start.line)).toEqual([29, 30, 31]);
    const question = record.entries[0]!.position;
    expect(source.slice(question.start.offset, question.end.offset)).toBe(record.entries[0]!.question);
    for (const citation of record.citations) expect(source.slice(citation.position.start.offset, citation.position.start.offset + 3)).toBe(`[^${citation.label}`);
  });
});
