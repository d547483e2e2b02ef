import type fc from 'fast-check';

export declare const MARKDOWNISH_FRAGMENTS: readonly string[];
export declare function markdownish(check: typeof fc): fc.Arbitrary<string>;
