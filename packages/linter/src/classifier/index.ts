export { classifyDocument, classificationReport, MIN_CONFIDENCE, type Classification, type ClassificationReport } from './classify-document.js';
export { extractDocumentFeatures, type DocumentFeatures } from './document-features.js';
export { readContentSignals, SIGNAL_IDS, type ContentSignal, type SignalId } from './content-signals.js';
export { isImperativeSentence, isImperativeHeading, splitSentences } from './sentence-mood.js';
