// A separate process that exports a generated set of documents slowly, reporting progress on stdout,
// so the crash-safety test can SIGKILL it at a chosen moment. Uses the built package (dist/).
// Usage: node export-child.mjs <outDir> <variant a|b> <count> <pauseMs>
import { parseDocument } from '@qadocs/parser';
import { createExportWriter, renderDocumentPage, serializeRecord } from '../../dist/index.js';

const [outDir, variant, countText, pauseText] = process.argv.slice(2);
const count = Number(countText);
const pause = Number(pauseText);
const categories = ['tutorial', 'how-to', 'reference', 'explanation'];

/** Variant b changes every document, drops every third one and adds new ones. */
function* generatedDocuments() {
  for (let index = 0; index < count; index++) {
    if (variant === 'b' && index % 3 === 0) continue;
    yield { index, name: `doc-${String(index).padStart(4, '0')}` };
  }
  if (variant === 'b') for (let index = 0; index < count / 4; index++) yield { index, name: `new-${String(index).padStart(4, '0')}` };
}

function markdown({ index, name }) {
  const category = categories[index % categories.length];
  return `---
title: Generated question ${name} (${variant})
description: A generated answer used to test that a killed export leaves the previous output complete.
category: ${category}
---

How do I handle case ${index} of the ${variant} run?

Follow the documented procedure for case ${index}[^1]; it was checked against the reference[^2].

1. Open the settings for ${name}.
2. Change the value to ${index * 7 % 13}.
3. Save and run the export again.

- **Scope**: Applies to every ${category} page in the ${variant} run[^1].

Source: Conversation with Copilot, 2024-10-${String((index % 28) + 1).padStart(2, '0')}

[^1]: [Procedure ${index}](https://example.com/procedures/${index})
[^2]: [Reference for ${name}](https://example.org/reference/${name})
`;
}

const writer = await createExportWriter({ outDir, ndjson: true, sourceDateEpoch: null });
let added = 0;
for (const document of generatedDocuments()) {
  const category = categories[document.index % categories.length];
  const parsed = parseDocument(markdown(document), { path: `/content/${category}/${document.name}.md`, root: '/content' });
  await writer.add({ record: parsed.record, json: serializeRecord(parsed.record), html: renderDocumentPage(parsed) });
  added++;
  process.stdout.write(`added ${added}\n`);
  if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
}
process.stdout.write('finishing\n');
const summary = await writer.finish();
process.stdout.write(`done ${JSON.stringify({ ...summary, diagnostics: summary.diagnostics.length })}\n`);
