import type { ParsedDocument } from '@qadocs/parser';
import type { SourceList } from './source-lists.js';

/** The assistant a paste comes from, and what gave it away. */
export interface RecognisedAssistant {
  name: string;
  evidence: string;
}

/** `ChatGPT said:` / `Claude said:`: the label the web UIs put before an answer when the whole turn is copied. */
export const TRANSCRIPT_LABEL = /^[ \t]*(?:#{1,6}[ \t]+)?[*_]{0,2}(you said|chatgpt said|copilot said|gemini said|claude said|perplexity said|chatgpt|copilot|gemini|claude)[*_]{0,2}[ \t]*[:：][*_]{0,2}[ \t]*$/gim;

/**
 * Which assistant wrote a paste, from what each one leaves behind: a provenance line naming it
 * (`Source: Conversation with Copilot, 10/10/2024`), a transcript label (`ChatGPT said:`), or its
 * citation markers (Copilot's superscripts, ChatGPT's `citeturn…`/`【4†source】`/`utm_source=chatgpt.com`,
 * Perplexity's `[1]` markers over a `[1] https://…` list). Gemini and Claude leave no markers: only a
 * line naming them tells. Null when nothing does.
 */
export function recogniseAssistant(parsed: ParsedDocument, lists: readonly SourceList[], transcriptLabels: readonly string[]): RecognisedAssistant | null {
  const provenance = parsed.record.provenance;
  if (provenance?.tool) return { name: provenance.tool, evidence: `the line "${provenance.raw}"` };
  for (const label of transcriptLabels) {
    const name = /chatgpt|copilot|gemini|claude|perplexity/i.exec(label)?.[0];
    if (name) return { name: canonicalName(name), evidence: `the label "${label.trim()}"` };
  }
  const kinds = new Set(parsed.pseudoCitations.map((pseudo) => pseudo.kind));
  if (kinds.has('citeturn') || kinds.has('bracket-source')) return { name: 'ChatGPT', evidence: kinds.has('citeturn') ? 'its `citeturn…` markers' : 'its `【n†source】` markers' };
  if (/[?&](?:utm_source=chatgpt\.com|ref=chatgpt\.com)\b/.test(parsed.source)) return { name: 'ChatGPT', evidence: 'its links tagged `utm_source=chatgpt.com`' };
  if (kinds.has('superscript-link') || kinds.has('superscript-glued')) return { name: 'Copilot', evidence: 'its superscript citation markers (`¹(https://…)`, `³[^3]`)' };
  if (lists.some((list) => list.entries.some((entry) => entry.number !== null)) && /\S\[\d{1,3}\](?![(:])/.test(parsed.source)) {
    return { name: 'Perplexity', evidence: 'its `[n]` markers over a numbered list of sources' };
  }
  return null;
}

function canonicalName(name: string): string {
  const lower = name.toLowerCase();
  return lower === 'chatgpt' ? 'ChatGPT' : lower.charAt(0).toUpperCase() + lower.slice(1);
}
