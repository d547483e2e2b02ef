// marked-terminal ships no types; @types/marked-terminal pins marked < 12. Only what qadocs calls.
declare module 'marked-terminal' {
  import type { MarkedExtension } from 'marked';

  /** The marked extension that renders Markdown for a terminal (tables drawn with cli-table3). */
  export function markedTerminal(options?: {
    width?: number;
    reflowText?: boolean;
    showSectionPrefix?: boolean;
    emoji?: boolean;
    tab?: number;
    codespan?: (text: string) => string;
    heading?: (text: string) => string;
    firstHeading?: (text: string) => string;
  }): MarkedExtension;
}
