import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node.js';
import { applyEdit, startClient, type LspClient } from '../src/testing/index.js';
import { makeTempFolder, REFERENCE_DOCUMENT } from './support/temp-folder.js';
import { readFileSync } from 'node:fs';

const dir = makeTempFolder('footnotes');
// A configured category alias: completion offers it beside the four categories.
writeFileSync(path.join(dir, 'qadocs.config.json'), JSON.stringify({ categories: { aliases: { walkthrough: 'tutorial' } } }));

const TEXT = [
  '---',
  'title: Citing sources',
  'category: how-to',
  '---',
  '',
  '# How do I cite a source?',
  '',
  'Cite it with a footnote[^src] and give a second one[^two].',
  '',
  'The same source again[^src].',
  '',
  '[^src]: [The source title](https://example.com/source) explains it.',
  '[^two]: A second source, https://example.org/two',
  '',
].join('\n');
const file = path.join(dir, 'cite.md');

/** The 0-based position of the `nth` occurrence of `needle` (plus `shift` characters). */
function positionOf(text: string, needle: string, nth = 0, shift = 0) {
  let index = -1;
  for (let count = 0; count <= nth; count++) index = text.indexOf(needle, index + 1);
  const before = text.slice(0, index + shift);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('footnotes as code', () => {
  let client: LspClient;
  let uri: string;
  beforeAll(async () => {
    client = await startClient({ cwd: dir });
    uri = client.uriOf(file);
    const published = client.nextDiagnostics(uri);
    client.open(uri, TEXT);
    await published;
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  it('hovers a reference with the definition text and URL', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(TEXT, '[^src]', 1, 3) });
    const value = (hover!.contents as MarkupContent).value;
    expect(value).toContain('The source title explains it.');
    expect(value).toContain('<https://example.com/source>');
    expect(hover!.range).toEqual({ start: positionOf(TEXT, '[^src]', 1), end: positionOf(TEXT, '[^src]', 1, 6) });
  });

  it('goes from a reference to its definition, and finds every reference', async () => {
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(TEXT, '[^two]', 0, 2) })) as Location;
    expect(definition.range.start).toEqual(positionOf(TEXT, '[^two]:'));
    const references = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: positionOf(TEXT, '[^src]:', 0, 3),
      context: { includeDeclaration: true },
    })) as Location[];
    expect(references.map((location) => location.range.start)).toEqual([positionOf(TEXT, '[^src]', 0), positionOf(TEXT, '[^src]', 1), positionOf(TEXT, '[^src]:')]);
    const withoutDefinition = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: positionOf(TEXT, '[^src]', 0, 1), context: { includeDeclaration: false } })) as Location[];
    expect(withoutDefinition).toHaveLength(2);
  });

  it('renames a label in every reference and the definition, and refuses a label with a space', async () => {
    const at = positionOf(TEXT, '[^src]', 1, 4);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: at });
    expect(prepared).toEqual({ range: { start: positionOf(TEXT, '[^src]', 1, 2), end: positionOf(TEXT, '[^src]', 1, 5) }, placeholder: 'src' });
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at, newName: 'primary' });
    const renamed = applyEdit(TEXT, edit!, uri);
    expect(renamed.match(/\[\^primary\]/g)).toHaveLength(3);
    expect(renamed).not.toContain('[^src]');
    expect(renamed).toContain('[^primary]: [The source title]');
    await expect(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at, newName: 'two words' })).rejects.toThrow(/Unexpected footnote label "two words"/);
    await expect(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at, newName: 'two' })).rejects.toThrow(/already defined/);
  });

  it('completes defined labels after `[^` and categories with configured aliases after `category:`', async () => {
    // A label renamed a moment ago (no diagnostics awaited) is offered at once.
    const typed = TEXT.replaceAll('[^src]', '[^first]').replace('The same source again[^first].', 'The same source again[^');
    client.change(uri, 2, typed);
    const items = (result: CompletionItem[] | CompletionList | null) => (Array.isArray(result) ? result : (result?.items ?? []));
    const labels = items(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(typed, 'again[^', 0, 7) }));
    expect(labels.map((item) => item.label)).toEqual(['first', 'two']);
    expect(labels[0]!.textEdit).toMatchObject({ newText: 'first]' });

    const categoryLine = typed.replace('category: how-to', 'category: ');
    client.change(uri, 3, categoryLine);
    const categories = items(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(categoryLine, 'category: ', 0, 10) }));
    const names = categories.map((item) => item.label);
    expect(names.slice(0, 4)).toEqual(['tutorial', 'how-to', 'reference', 'explanation']);
    expect(names).toContain('walkthrough');
    expect(names).toContain('howto');
    // Not in the body: `category:` there is prose.
    const body = categoryLine + 'category: ';
    client.change(uri, 4, body);
    const inBody = items(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: body.split('\n').length - 1, character: 10 } }));
    expect(inBody).toEqual([]);
  });

  it('outlines the questions, their answer sections and the footnotes', async () => {
    const reference = readFileSync(REFERENCE_DOCUMENT, 'utf8');
    const referenceUri = client.uriOf(path.join(dir, 'reference.md'));
    client.open(referenceUri, reference);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: referenceUri } })) as DocumentSymbol[];
    const question = symbols[0]!;
    expect(question.name).toBe("What's the difference between azure compute gallery and azure container registry?");
    expect(question.children!.map((child) => child.name)).toEqual(expect.arrayContaining(['Azure Compute Gallery', 'Azure Container Registry']));
    for (const child of question.children!) expect(child.range.start.line).toBeGreaterThanOrEqual(question.range.start.line);
    expect(symbols.filter((symbol) => symbol.name.startsWith('[^')).map((symbol) => symbol.name)).toEqual(['[^1]', '[^2]', '[^3]']);
  });
});
