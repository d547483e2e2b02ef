export { classifyDocument, classificationReport, rankCategories, readDocumentSignals, MIN_CONFIDENCE, type CategoryCandidate, type Classification, type ClassificationReport } from './classify-document.js';
export { extractDocumentFeatures, type DocumentFeatures } from './document-features.js';
export { readContentSignals, SIGNAL_IDS, type ContentSignal, type SignalId } from './content-signals.js';
export { isImperativeSentence, isImperativeHeading, splitSentences } from '@qadocs/parser';
export { SIGNAL_FLOORS, SIGNAL_CATEGORIES } from './signal-constraints.js';
export { SIGNAL_WEIGHTS, CATEGORY_BIAS } from './signal-weights.js';
export { calibrateConfidence, interpolateCalibration, type CalibrationPoints } from './confidence-calibration.js';
export { CONFIDENCE_CALIBRATION } from './signal-weights.js';
