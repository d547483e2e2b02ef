import type { Nodes, Root, Table } from 'mdast';
import { nodeText } from '@qadocs/parser';
import { isImperativeSentence, splitSentences } from '@qadocs/parser';

/** One heading as the classifier reads it. */
export interface HeadingFeature {
  depth: number;
  text: string;
}

/** One part of the page under a `#`/`##` heading: how much of it is procedure and how much is prose. */
export interface SectionFeature {
  heading: string;
  sentences: number;
  imperativeSentences: number;
  orderedItems: number;
  codeBlocks: number;
  tables: number;
  /** Words of prose in the section. */
  words: number;
}

/** One table: its header cells and size. */
export interface TableFeature {
  header: string[];
  rows: number;
  columns: number;
}

/**
 * What the classifier measures in a document's content. Only the body and the `title`/`description`
 * a reader sees are used — never labels such as `ms.topic`, `category`, file or folder names.
 */
export interface DocumentFeatures {
  title: string;
  /** The first heading when it differs from the front-matter title. */
  alternateTitle: string;
  /** The questions the page answers (its Q&A entries), read by the question-form signals. */
  questions: string[];
  description: string;
  headings: HeadingFeature[];
  /** Prose sentences (paragraphs and list items, not code or tables). */
  sentences: number;
  imperativeSentences: number;
  /** Sentences of paragraphs only, and how many are imperative (list items excluded). */
  paragraphSentences: number;
  imperativeParagraphSentences: number;
  /** Sentences addressing the reader ("you", "your"). */
  secondPersonSentences: number;
  /** Sentences that define or describe: "X is a …", "X provides …", "X can be …". */
  descriptiveSentences: number;
  words: number;
  /** Lower-cased prose (title, description, paragraphs, list items, headings) for phrase searches; link sections left out. */
  prose: string;
  /** Lower-cased description and the paragraphs before the first `##` heading: where a page says what it is. */
  lead: string;
  /** The first sentence of the first paragraph of the page, lower-cased. */
  openingSentence: string;
  /** Sentences of the lead's paragraphs (before the first `##`, lists excluded), and how many address the reader. */
  leadSentences: number;
  leadSecondPersonSentences: number;
  /** The first `##` (or deeper) heading: the first thing the page does after saying what it is. */
  firstSectionHeading: string;
  /** Paragraphs ending in a colon that introduce an ordered list or a code block ("Run the following command:"). */
  introducedSteps: number;

  /** Paragraphs outside lists (prose blocks). */
  paragraphs: number;
  /** Sentences hedged with a modal: "can", "may", "might", "could", "would". */
  modalSentences: number;
  /** Short bold phrases in prose (interface labels such as **Save**, **Settings** > **Keys**). */
  boldLabels: number;
  /** Ordered lists: item counts, and how many items of each start with an instruction. */
  orderedLists: Array<{ items: number; imperativeItems: number }>;
  unorderedItems: number;
  /** Unordered items that open with inline code or a bold term then a separator: `--flag` – text. */
  definitionItems: number;
  /** Ordered or unordered items that read as instructions. */
  imperativeItems: number;
  tables: TableFeature[];
  codeBlocks: number;
  codeLines: number;
  /** Code blocks whose lines look like shell commands (`$ npm i`, `az …`, `kubectl …`). */
  shellBlocks: number;
  /** Code blocks of configuration or data (YAML, JSON, TOML, XML, INI). */
  configBlocks: number;
  /** Unordered list items that read as instructions. */
  imperativeBullets: number;
  /** Code blocks that look like declarations or signatures (`def f(`, `function f(`, `class X`). */
  signatureBlocks: number;
  inlineCode: number;
  /** Headings that are wholly a code identifier or signature: `## \`kubectl get\``, `## connect(url)`. */
  codeHeadings: number;
  links: number;
  images: number;
  /** The page cut at `#` and `##` headings; the part before the first one is the lead. */
  sections: SectionFeature[];
}

/** Sections that only point to other pages; what they say is about those pages, not this one. */
const LINK_SECTION = /^(?:next steps?|related (?:content|articles|links|topics|resources|information|documentation)|related|see also|further reading|learn more|more information|additional resources|resources|references|what's next|what next)$/i;
const MODAL = /\b(?:can|cannot|can't|may|might|could|would)\b/i;
const SECOND_PERSON = /\b(?:you|your|you're|you'll|you've)\b/i;
const DESCRIPTIVE = /^(?:the |an? |this |these |each |every |all |some |most )?[\w`*.\-/ ]{1,60}?\s(?:is|are|was|were|provides|provide|enables|enable|allows|allow|supports|support|offers|offer|includes|include|contains|contain|represents|represent|consists|describes|defines|refers|can be|may be|must be|should be|has|have)\b/i;
const SHELL_LINE = /^\s*(?:\$ |> |PS> |sudo |npm |npx |pnpm |yarn |pip3? |python3? |az |kubectl |helm |docker |git |curl |wget |go |cargo |apt(?:-get)? |brew |choco |winget |dotnet |mvn |gradle |terraform |make |cd |mkdir |export |set |Set-|New-|Get-|Install-|Connect-|Invoke-|Add-|Remove-|Update-|juju |charmcraft |tox |uv |jupyterhub |kumactl |kubectl-gs |gcloud |aws )/;
const SIGNATURE_LINE = /^\s*(?:(?:export\s+)?(?:async\s+)?(?:def|function|func|fn|class|interface|type|struct|enum|public|private|protected|static)\s+[A-Za-z_$][\w$]*|[A-Za-z_$][\w$.]*\s*\([^)]*\)\s*(?:->|:|=>)\s*\S)/;

/** Measure the content of a parsed Markdown body (mdast) plus its visible title and description. */
export function extractDocumentFeatures(tree: Root, frontMatter: Record<string, unknown>, questions: readonly string[] = []): DocumentFeatures {
  const features: DocumentFeatures = {
    title: cleanTitle(typeof frontMatter.title === 'string' ? frontMatter.title : ''),
    alternateTitle: '',
    questions: [...questions],
    description: typeof frontMatter.description === 'string' ? frontMatter.description : '',
    headings: [],
    sentences: 0,
    imperativeSentences: 0,
    paragraphSentences: 0,
    imperativeParagraphSentences: 0,
    secondPersonSentences: 0,
    descriptiveSentences: 0,
    words: 0,
    prose: '',
    lead: '',
    openingSentence: '',
    leadSentences: 0,
    leadSecondPersonSentences: 0,
    firstSectionHeading: '',
    introducedSteps: 0,
    paragraphs: 0,
    modalSentences: 0,
    boldLabels: 0,
    orderedLists: [],
    unorderedItems: 0,
    definitionItems: 0,
    imperativeItems: 0,
    tables: [],
    codeBlocks: 0,
    codeLines: 0,
    shellBlocks: 0,
    configBlocks: 0,
    imperativeBullets: 0,
    signatureBlocks: 0,
    inlineCode: 0,
    codeHeadings: 0,
    links: 0,
    images: 0,
    sections: [],
  };
  let section: SectionFeature = { heading: '', sentences: 0, imperativeSentences: 0, orderedItems: 0, codeBlocks: 0, tables: 0, words: 0 };
  features.sections.push(section);
  const proseParts: string[] = [features.title, features.description];
  const leadParts: string[] = [features.description];
  /** Before the first `##`: the lead. Inside a link section: nothing is read but the heading. */
  let inLead = true;
  let inLinkSection = false;

  const countSentences = (text: string, inParagraph: boolean) => {
    for (const sentence of splitSentences(text)) {
      const imperative = isImperativeSentence(sentence);
      features.sentences++;
      section.sentences++;
      if (imperative) {
        features.imperativeSentences++;
        section.imperativeSentences++;
      }
      const secondPerson = SECOND_PERSON.test(sentence);
      if (secondPerson) features.secondPersonSentences++;
      if (MODAL.test(sentence)) features.modalSentences++;
      if (!imperative && !secondPerson && DESCRIPTIVE.test(sentence)) features.descriptiveSentences++;
      if (inParagraph) {
        features.paragraphSentences++;
        if (imperative) features.imperativeParagraphSentences++;
      }
      if (inParagraph && inLead) {
        features.leadSentences++;
        if (secondPerson) features.leadSecondPersonSentences++;
      }
    }
  };

  const walk = (node: Nodes, inListItem: boolean) => {
    switch (node.type) {
      case 'heading': {
        const text = nodeText(node);
        features.headings.push({ depth: node.depth, text });
        if (node.depth >= 2) inLead = false;
        if (node.depth >= 2 && features.firstSectionHeading === '' && !inListItem) features.firstSectionHeading = text;
        if (node.depth <= 2 && !inListItem) {
          inLinkSection = LINK_SECTION.test(text.replace(/[`*_]|\{#[^}]*\}/g, '').trim());
          section = { heading: text, sentences: 0, imperativeSentences: 0, orderedItems: 0, codeBlocks: 0, tables: 0, words: 0 };
          features.sections.push(section);
        }
        if (isCodeHeading(node)) features.codeHeadings++;
        proseParts.push(text);
        features.inlineCode += countInlineCode(node);
        return;
      }
      case 'paragraph': {
        const text = nodeText(node);
        if (isTemplateDirective(text)) return;
        if (inLinkSection) return;
        if (inLead && !inListItem) leadParts.push(text);
        if (features.paragraphs === 0 && !inListItem) features.openingSentence = (splitSentences(text)[0] ?? '').toLowerCase().replace(/[’‘]/g, "'");
        if (!inListItem) features.paragraphs++;
        features.boldLabels += countBoldLabels(node);
        proseParts.push(text);
        features.words += wordCount(text);
        section.words += wordCount(text);
        features.inlineCode += countInlineCode(node);
        countLinks(node);
        if (!inListItem) countSentences(text, true);
        return;
      }
      case 'list': {
        if (inLinkSection) return;
        let imperativeItems = 0;
        for (const item of node.children) {
          const first = item.children[0];
          const text = first && first.type === 'paragraph' ? nodeText(first) : '';
          const firstSentence = splitSentences(text)[0] ?? text;
          if (firstSentence !== '' && isImperativeSentence(firstSentence)) imperativeItems++;
          if (!node.ordered && first && first.type === 'paragraph' && isDefinitionItem(first)) features.definitionItems++;
          if (text !== '') countSentences(text, false);
        }
        features.imperativeItems += imperativeItems;
        if (!node.ordered) features.imperativeBullets += imperativeItems;
        if (node.ordered) {
          features.orderedLists.push({ items: node.children.length, imperativeItems });
          section.orderedItems += node.children.length;
        }
        else features.unorderedItems += node.children.length;
        for (const item of node.children) walkChildren(item.children, true);
        return;
      }
      case 'table': {
        if (inLinkSection) return;
        features.tables.push(readTable(node));
        section.tables++;
        return;
      }
      case 'code': {
        if (inLinkSection) return;
        features.codeBlocks++;
        section.codeBlocks++;
        const lines = node.value.split('\n');
        features.codeLines += lines.length;
        if (lines.some((line) => SHELL_LINE.test(line)) || /^(?:bash|sh|shell|console|shell-session|azurecli|azurecli-interactive|azurepowershell|powershell|pwsh|cmd|bat|zsh|terminal)$/i.test(node.lang ?? '')) features.shellBlocks++;
        if (lines.some((line) => SIGNATURE_LINE.test(line))) features.signatureBlocks++;
        if (/^(?:ya?ml|json|jsonc|json5|toml|xml|ini|properties|hcl|conf|config|env|dotenv|csv)$/i.test(node.lang ?? '')) features.configBlocks++;
        return;
      }
      case 'html': {
        // Raw HTML tables and ordered lists count as what they render (older docs write them by hand).
        if (/<img\b/i.test(node.value)) features.images++;
        if (/<table\b/i.test(node.value)) features.tables.push({ header: [], rows: (node.value.match(/<tr\b/gi) ?? []).length, columns: 0 });
        if (/<ol\b/i.test(node.value)) features.orderedLists.push({ items: (node.value.match(/<li\b/gi) ?? []).length, imperativeItems: 0 });
        return;
      }
      case 'image':
        features.images++;
        return;
      default:
        if ('children' in node) walkChildren(node.children as Nodes[], inListItem);
    }
  };
  const walkChildren = (children: readonly Nodes[], inListItem: boolean) => {
    children.forEach((child, index) => {
      const next = children[index + 1];
      if (!inLinkSection && child.type === 'paragraph' && next && (next.type === 'code' || (next.type === 'list' && next.ordered === true)) && /:\s*$/.test(nodeText(child))) features.introducedSteps++;
      walk(child, inListItem);
    });
  };
  walkChildren(tree.children, false);

  // The front-matter title and the page's H1 often differ ("Create a volume" / "Tutorial: Create a volume"); both are what a reader sees.
  const firstHeading = features.headings.find((heading) => heading.depth === 1) ?? features.headings[0];
  if (firstHeading) {
    const h1 = cleanTitle(firstHeading.text);
    if (features.title === '') features.title = h1;
    else if (h1.toLowerCase() !== features.title.toLowerCase()) features.alternateTitle = h1;
  }
  features.prose = proseParts.join('\n').toLowerCase().replace(/[’‘]/g, "'");
  features.lead = leadParts.join('\n').toLowerCase().replace(/[’‘]/g, "'");
  return features;

  function countLinks(node: Nodes) {
    if (node.type === 'link' || node.type === 'linkReference') features.links++;
    if (node.type === 'image' || node.type === 'imageReference') features.images++;
    if ('children' in node) for (const child of node.children as Nodes[]) countLinks(child);
  }
}

/** The title without site suffixes (`| Microsoft Docs`) and quotes. */
function cleanTitle(title: string): string {
  return title.replace(/\s*\|[^|]*$/, '').replace(/^["']|["']$/g, '').trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[A-Za-z]/.test(word)).length;
}

/** Template syntax standing alone (`{% tab %}`, `{{< relref >}}`, `:::image …:::`, `[!INCLUDE …]`) is not prose. */
function isTemplateDirective(text: string): boolean {
  return /^(?:\{%.*%\}|\{\{.*\}\}|:::.*|\[!(?:INCLUDE|div)[^\]]*\].*|\(\S+\)=)$/is.test(text.trim());
}

/** Bold runs of at most four words inside prose: how pages name buttons, menus and fields. */
function countBoldLabels(node: Nodes): number {
  if (node.type === 'strong') return nodeText(node).trim().split(/\s+/).length <= 4 ? 1 : 0;
  if (!('children' in node)) return 0;
  let count = 0;
  for (const child of node.children as Nodes[]) count += countBoldLabels(child);
  return count;
}

function countInlineCode(node: Nodes): number {
  if (node.type === 'inlineCode') return 1;
  if (!('children' in node)) return 0;
  let count = 0;
  for (const child of node.children as Nodes[]) count += countInlineCode(child);
  return count;
}

/** A heading whose text is only inline code, or reads like a call signature (`connect(url, options)`). */
function isCodeHeading(node: Nodes & { type: 'heading' }): boolean {
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (meaningful.length > 0 && meaningful.every((child) => child.type === 'inlineCode')) return true;
  return /^[\w$.]+\([^)]*\)$/.test(nodeText(node));
}

/** `- \`--name\` - Organization name.` / `- **Purpose**: It helps …` / `- \`foo\`: …` — a term and its definition. */
function isDefinitionItem(paragraph: Nodes & { type: 'paragraph' }): boolean {
  const [first, second] = paragraph.children;
  if (!first) return false;
  if (first.type === 'strong' && /:\s*$/.test(nodeText(first))) return second !== undefined;
  if (first.type === 'inlineCode' || first.type === 'strong' || (first.type === 'link' && first.children.every((child) => child.type === 'inlineCode'))) {
    return second !== undefined && second.type === 'text' && /^\s*(?:[-–—:=]|\()/.test(second.value);
  }
  return false;
}

function readTable(table: Table): TableFeature {
  const [head] = table.children;
  return {
    header: head ? head.children.map((cell) => nodeText(cell).toLowerCase()) : [],
    rows: Math.max(0, table.children.length - 1),
    columns: head ? head.children.length : 0,
  };
}

