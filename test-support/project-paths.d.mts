export declare const REPOSITORY_ROOT: string;
export declare const REFERENCE_DOCUMENT: string;
export declare const CORPUS_GENERATOR: string;
export declare function realCorpusFolder(whatIsSkipped: string): string | null;
export declare function markdownFilesIn(folder: string): string[];
