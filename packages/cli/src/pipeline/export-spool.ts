import { createReadStream } from 'node:fs';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ExportedDocument } from '@qadocs/exporter';
import type { QaDocument } from '@qadocs/schema';

/**
 * `qadocs build` learns whether lint passed only after the last document, but each document is parsed
 * once, when it is linted. Rendered documents wait here, on disk (one NDJSON line each, not in memory),
 * until the verdict: replayed into the export writer, or thrown away with the previous output untouched.
 */
export class ExportSpool {
  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(outDir: string): Promise<ExportSpool> {
    const dir = path.join(outDir, '.qadocs-spool');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `build-${process.pid}.ndjson`);
    return new ExportSpool(file, await open(file, 'w'));
  }

  /** Keep one document: its serialized record and its page (the record object is rebuilt on replay). */
  async add(document: { json: string; html?: string | undefined }): Promise<void> {
    await this.handle.write(`${JSON.stringify(document)}\n`);
  }

  /** Replay every spooled document, in the order added. */
  async *documents(): AsyncGenerator<ExportedDocument> {
    await this.handle.sync();
    const lines = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line === '') continue;
      const { json, html } = JSON.parse(line) as { json: string; html?: string };
      yield { record: JSON.parse(json) as QaDocument, json, ...(html !== undefined ? { html } : {}) };
    }
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => {});
    await rm(path.dirname(this.file), { recursive: true, force: true });
  }
}
