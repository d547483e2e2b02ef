import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ParsedDocument } from '@qadocs/parser';
import { exportDocuments, type ExportSummary } from '../../src/index.js';
import { parseContentDocuments, parseHostileDocuments } from './fixture-documents.js';

/** An export of the hand-written documents, the seed and the hostile documents, in a fresh folder. */
export interface ExportedSite {
  outDir: string;
  content: ParsedDocument[];
  hostile: ParsedDocument[];
  summary: ExportSummary;
}

export async function exportSite(): Promise<ExportedSite> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'qadocs-site-'));
  const [content, hostile] = await Promise.all([parseContentDocuments(), parseHostileDocuments()]);
  const summary = await exportDocuments([...content, ...hostile], { outDir, sourceDateEpoch: null });
  return { outDir, content, hostile, summary };
}

/** The URL path of a document's page under the served output folder. */
export function pagePath(id: string): string {
  return `/html/${id.split('/').map(encodeURIComponent).join('/')}.html`;
}
