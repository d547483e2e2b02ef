import { z } from 'zod';
import { defineRule } from '../../rule.js';
import { classifyDocument } from '../../classifier/index.js';
import { categoryPlace } from '../../document-places.js';

/** Evidence lines quoted in the message; the full list is in `qadocs classify`. */
const EVIDENCE_IN_MESSAGE = 3;

export default defineRule({
  id: 'diataxis/content-fit',
  description: 'Warn when the content reads as a different Diátaxis category than the declared one',
  severity: 'warning',
  fixable: false,
  messages: {
    mismatch: 'Unexpected content that reads as `{{predicted}}` ({{confidence}} % confident: {{evidence}}), expected `{{declared}}` content as the front matter declares',
  },
  options: z.object({}).strict(),
  check(document, context) {
    const declared = document.record.category;
    if (declared === null) return;
    const { predicted, confidence, evidence } = classifyDocument(document);
    if (predicted === null || confidence === null || predicted === declared || confidence < context.settings.classifier.threshold) return;
    context.report({
      messageId: 'mismatch',
      data: { predicted, declared, confidence: Math.round(confidence * 100), evidence: evidence.slice(0, EVIDENCE_IN_MESSAGE).join('; ') },
      place: categoryPlace(document),
    });
  },
});
