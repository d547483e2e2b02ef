import type { DocumentFeatures } from './document-features.js';
import { isImperativeHeading, isImperativeSentence } from './sentence-mood.js';

/**
 * One measured signal: `value` is its strength (0 when absent, about 1 when clearly present) and
 * `evidence` says in plain words what was seen, for the report.
 */
export interface ContentSignal {
  id: SignalId;
  value: number;
  evidence: string;
}

/** Every signal the classifier reads, in a fixed order (weights are keyed by these ids). */
export const SIGNAL_IDS = [
  'tutorialTitle',
  'tutorialIntro',
  'learningOutcome',
  'firstPersonPlural',
  'encouragement',
  'stepProgression',
  'cleanUpSection',
  'howToTitle',
  'howToQuestion',
  'actionTitle',
  'gerundTitle',
  'taskNounTitle',
  'purposeClauses',
  'imperativeCount',
  'secondPerson',
  'codeExamples',
  'howToIntro',
  'orderedSteps',
  'imperativeSteps',
  'imperativeProse',
  'imperativeHeadings',
  'prerequisites',
  'shellCommands',
  'referenceTitle',
  'referenceIntro',
  'referenceQuestion',
  'optionTables',
  'tables',
  'definitionLists',
  'codeHeadings',
  'apiSignatures',
  'referenceHeadings',
  'inlineCodeDensity',
  'terseText',
  'explanationTitle',
  'conceptQuestion',
  'explanationIntro',
  'explanationSelf',
  'reasoning',
  'longProse',
  'comparison',
  'noProcedure',
  'proceduralSections',
  'discursiveSections',
  'descriptive',
  'interfaceVocabulary',
  'dataTypeVocabulary',
  'conceptVocabulary',
] as const;

export type SignalId = (typeof SIGNAL_IDS)[number];

const percent = (share: number) => `${Math.round(share * 100)} %`;
const clamp01 = (value: number) => Math.max(0, Math.min(1, value));
/** 0 at `low`, 1 at `high`, linear between: turns a count into a strength. */
const ramp = (value: number, low: number, high: number) => clamp01((value - low) / (high - low));

function firstMatch(text: string, pattern: RegExp): string | null {
  const match = pattern.exec(text);
  return match ? match[0] : null;
}

function countMatches(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

/** The most frequent matches of a global pattern, for evidence: "`because` ×4, `however` ×2". */
function topMatches(text: string, pattern: RegExp, limit = 3): string {
  const counts = new Map<string, number>();
  for (const match of text.match(pattern) ?? []) counts.set(match, (counts.get(match) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([match, count]) => (count > 1 ? `\`${match}\` ×${count}` : `\`${match}\``))
    .join(', ');
}

const TUTORIAL_TITLE = /\b(?:tutorial|quick ?start|getting started|get started|walkthrough|walk-through|lesson|first steps|your first|step[- ]by[- ]step|hands-on|101|from scratch|build (?:a|an|your))\b/i;
const TUTORIAL_INTRO = /\b(?:in this (?:tutorial|quickstart|quick start|lesson|walkthrough|course|module|workshop)|this (?:tutorial|quickstart|lesson|walkthrough) (?:shows|walks|teaches|guides|takes|helps|will|covers|is)|(?:follow|complete|finish|start) (?:this|the) (?:tutorial|quickstart|lesson))\b/;
const LEARNING_OUTCOME = /\b(?:you(?:'ll| will) (?:learn|build|create|have (?:built|created|learned|deployed)|be able to|deploy|write|set up|get)|you learn how|by the end(?: of)?|at the end of this|what you(?:'ll| will) (?:build|learn|need|create|make)|learning objectives|learning goals|you(?:'ve| have) (?:now )?(?:learned|built|created))\b/;
const FIRST_PERSON_PLURAL = /\b(?:we(?:'ll|'re|'ve)?|let's|let us|our)\b/g;
const ENCOURAGEMENT = /\b(?:congratulations|congrats|well done|great job|you did it|that's it|nice work|you(?:'ve| have) (?:now )?successfully|you(?:'re| are) (?:now )?ready to)\b/;
const STEP_PROGRESSION = /\b(?:in the (?:next|previous|last|following) (?:step|section|part|lesson|chapter)|in this step|(?:next|now),? (?:you|we|let's)|now that (?:you|we)(?:'ve| have)?|step \d+|part \d+|(?:continue|move on|proceed) to the next)\b/g;
const HOW_TO_TITLE = /^(?:how to|how-to|how do (?:i|you|we)|how can (?:i|you|we)|how should (?:i|you))\b/i;
const HOW_TO_INTRO = /\b(?:(?:this|the following) (?:article|guide|page|document|section|procedure|how-to) (?:shows|describes|explains|walks|provides instructions|covers|outlines|demonstrates) (?:you )?(?:how|the steps)|learn how to|(?:in|with) this (?:article|guide|page),? (?:you|learn)|follow (?:these|the) (?:steps|instructions)|(?:perform|complete) the following steps|the following steps|to do (?:this|so),|use the following (?:steps|procedure))\b/g;
const REFERENCE_TITLE = /\b(?:reference|api|cli|command[- ]line|commands?|syntax|glossary|schema|specification|spec|cheat ?sheet|parameters|properties|options|settings|flags|arguments|attributes|fields|variables|metrics|limits|quotas|list of|supported|support matrix|compatibility|matrix|changelog|release notes|versions|endpoints|resources? types?|crds?|index)\b/i;
const OPTION_HEADER = /^(?:name|type|default|default value|description|required|optional|parameter|parameters|option|options|flag|flags|property|properties|field|fields|value|values|key|keys|argument|arguments|setting|settings|attribute|attributes|column|metric|limit|example|format|allowed values|data type|status|version|supported|notes?|kind|label|labels|permissions?|role|scope|operation|method|endpoint|path|header|env(?:ironment)? variable|variable|command|alias)$/;
const REFERENCE_HEADING = /^(?:usage|syntax|synopsis|parameters|arguments|options|flags|global flags|properties|fields|returns|return values?|exceptions|errors|examples?|defaults?|types?|values|attributes|configuration(?: options| reference)?|environment variables|settings|spec|specification|schema|fields reference|limits|metrics|outputs?|inputs?|commands|subcommands|methods|events|endpoints|request|response|status codes|supported [\w ]+|default values|glossary|appendix|api|constants|enums?|see also|related)$/i;
const EXPLANATION_TITLE = /(?:^(?:what (?:is|are)|why|about|understand(?:ing)?|introduction to|intro to|overview|concepts?|the (?:role|purpose) of)\b|\b(?:overview|concepts?|conceptual|architecture|explained|introduction|fundamentals|basics|principles|philosophy|design|model|theory|how [\w -]+ works|vs\.?|versus|comparison|compared|considerations|background|deep dive|security|guidance|trade-?offs?|strategy|strategies|lifecycle|life cycle)\b)/i;
/** Lookup questions: "Which keys does X read?", "What does X contain?", "What are the options of X?". */
const REFERENCE_QUESTION = /^(?:which [\w -]*?(?:options?|settings?|keys?|flags?|values?|fields?|formats?|syntax(?:es)?|rules?|commands?|parameters?|properties|arguments?|versions?|limits?|types?|codes?|files?|variables?|endpoints?)\b|what (?:does|do) [\w .-]+ (?:contain|include|write|return|accept|recogni[sz]e|support|list|output|expect)\b|what are the (?:options|settings|keys|flags|values|fields|formats|limits|defaults|parameters|properties|arguments|commands|rules)\b|what is the (?:syntax|format|default|maximum|minimum|limit|type)\b)[^?]*\?$/i;
const CONCEPT_QUESTION = /^(?:what(?:'s| is| are)|why|when should|should (?:i|we|you)|is it|are there|does|do (?:i|we|you) need|what's the difference|how does|how is|how are)\b[^?]*\?$/i;
const HOW_IT_WORKS_QUESTION = /^how (?:do|does|can) [\w -]+ (?:work|differ|compare|relate|fit)\b[^?]*\?$/i;
const EXPLANATION_INTRO = /\b(?:(?:this|the following) (?:article|page|document|section|topic|guide) (?:explains|describes|introduces|discusses|provides (?:an )?(?:overview|introduction|information|background)|gives an overview|covers the concepts|outlines the concepts)|(?:an|this) overview (?:of|explains)|key concepts?|core concepts?|how (?:it|this|[\w-]+) works|conceptual|in (?:general|principle|practice)|for example|for instance|such as|is designed to|is responsible for|is a (?:way|mechanism|concept|model|feature|service|set))\b/g;
const REFERENCE_INTRO = /\b(?:(?:this|the following) (?:page|article|document|section|reference|table|list) (?:lists|contains|documents|enumerates|catalogs|summarizes|details|specifies|describes (?:the|all|each|every) (?:available|supported|options|settings|fields|properties|parameters|commands|flags|values|metrics|endpoints))|(?:this|the following) (?:page|article|document) is (?:an index|a (?:list|reference|catalog))|(?:is|provides) (?:a|the) (?:complete |full )?(?:list|reference|index) of|reference (?:documentation|information|for|of) |the following table (?:lists|shows|describes|summarizes|contains)|are listed below|is listed below|in alphabetical order|for (?:the )?(?:full|complete) list)/;
const EXPLANATION_SELF = /\b(?:(?:this|the following) (?:article|page|document|section|topic|guide) (?:explains|introduces|discusses|provides (?:an )?(?:overview|introduction|background|conceptual)|gives an overview|describes (?:the )?(?:concepts?|architecture|components|benefits|differences|key|what|why|how [\w-]+ works))|learn about|learn more about the concepts|(?:an|a high-level|conceptual) overview of|introduction to|what is [\w -]{1,40}\?)/;
const REASONING = /\b(?:because|why|therefore|thus|hence|however|although|whereas|in contrast|rather than|instead of|trade-?offs?|the reason|this means|which means|as a result|consequently|benefits?|advantages?|drawbacks?|disadvantages?|downsides?|pros and cons|consider|considerations|implications|typically|generally|usually|often|in practice|on the other hand|the idea|the goal|the purpose|designed|intended|philosophy|rationale|motivation)\b/g;
/** Words of operating an interface: how-to and tutorial steps name the controls they use. */
const INTERFACE_WORDS = /\b(?:select|selected|click|double-click|right-click|tap|pane|tab|tabs|button|icon|menu|dialog|dialog box|check ?box|drop-?down|field|text box|box|wizard|screen|window|toolbar|sidebar|navigate|enter|confirm|sign in|log in|type|paste|copy|press|scroll|expand|choose|open|save|apply|prompt|prompted)\b/g;
/** Words of data shapes and lookups: reference pages describe values, types and defaults. */
const DATA_TYPE_WORDS = /\b(?:string|strings|boolean|bool|integer|int|float|number|array|list of|object|map|enum|null|true|false|default|defaults|required|optional|type|types|value|values|parameter|parameters|argument|arguments|flag|flags|property|properties|field|fields|attribute|attributes|key|keys|syntax|usage|returns|return value|deprecated|supported|unsupported|maximum|minimum|max|min|limit|limits|version|versions|format|identifier|prefix|suffix|header|headers|status code|code)\b/g;
/** Words of ideas and purposes: explanations discuss design, benefits and trade-offs. */
const CONCEPT_WORDS = /\b(?:concept|concepts|conceptual|model|models|architecture|architectural|design|designed|principle|principles|approach|approaches|strategy|strategies|benefit|benefits|advantage|advantages|capability|capabilities|flexibility|scalability|scalable|reliability|resilience|availability|consistency|efficiency|governance|compliance|security|risk|risks|cost|costs|business|organizations|customers|teams|enterprise|modern|ecosystem|lifecycle|responsibility|responsibilities|relationship|relationships|purpose|goal|goals|vision|philosophy|idea|ideas|mechanism|mechanisms|overview|understand|understanding|enables|enable|helps|help|allows|provides|ensures|various|different|key|core|fundamental|underlying|behind)\b/g;
const COMPARISON = /\b(?:vs\.?|versus|compared (?:to|with)|differences? between|difference is|unlike|similar to|in contrast|while the|whereas)\b/g;

/** Measure every signal of a document; signals that are absent are left out. */
export function readContentSignals(features: DocumentFeatures): ContentSignal[] {
  const signals: ContentSignal[] = [];
  const add = (id: SignalId, value: number, evidence: string) => {
    if (value > 0) signals.push({ id, value: clamp01(value), evidence });
  };
  const { prose } = features;
  const titles = [features.title, features.alternateTitle].filter((text) => text !== '');
  const title = titles[0] ?? '';
  /** The first title (front matter, then H1) that matches, and what matched. */
  const titleMatch = (pattern: RegExp): string | null => titles.map((text) => firstMatch(text, pattern)).find((match) => match !== null) ?? null;
  /** A title with a series prefix ("Tutorial: ", "Quickstart - ") removed, to read the action it names. */
  const titleActions = titles.map((text) => text.replace(/^[\w -]{1,20}\s*[:–—-]\s+/, ''));
  const sentences = Math.max(1, features.sentences);
  const headingTexts = features.headings.filter((heading) => heading.depth > 1).map((heading) => heading.text);

  // Tutorial: a lesson with a stated outcome, a guiding voice, and a path of steps.
  const tutorialTitle = titleMatch(TUTORIAL_TITLE);
  if (tutorialTitle) add('tutorialTitle', 1, `title names a lesson \`${tutorialTitle}\``);
  const tutorialIntro = firstMatch(prose, TUTORIAL_INTRO);
  if (tutorialIntro) add('tutorialIntro', 1, `\`${tutorialIntro}\``);
  const outcome = firstMatch(prose, LEARNING_OUTCOME) ?? headingTexts.find((text) => /^(?:what you(?:'ll| will) (?:build|learn|need|create|make)|what you learn|learning (?:objectives|goals)|objectives|goals?)$/i.test(text)) ?? null;
  if (outcome) add('learningOutcome', 1, `stated outcome \`${outcome}\``);
  const plural = countMatches(prose, FIRST_PERSON_PLURAL);
  add('firstPersonPlural', ramp(plural / sentences, 0.03, 0.2), `first-person plural guide voice (${topMatches(prose, FIRST_PERSON_PLURAL)})`);
  const encouragement = firstMatch(prose, ENCOURAGEMENT);
  if (encouragement) add('encouragement', 1, `encouragement \`${encouragement}\``);
  const progression = countMatches(prose, STEP_PROGRESSION);
  add('stepProgression', ramp(progression, 0, 4), `step-to-step transitions (${topMatches(prose, STEP_PROGRESSION)})`);
  const cleanUp = headingTexts.find((text) => /^(?:clean ?up(?: resources)?|tear down|delete (?:the )?resources|wrap[- ]up|summary|recap|conclusion|what(?:'s| is) next|next steps)$/i.test(text));
  if (cleanUp) add('cleanUpSection', 1, `closing section \`${cleanUp}\``);

  // How-to: a goal in the title, then actions in order.
  const howToTitle = titleMatch(HOW_TO_TITLE);
  if (howToTitle && !titles.some((text) => text.endsWith('?'))) add('howToTitle', 1, `title \`${howToTitle}…\``);
  // The question a Q&A page answers says what the reader wants: to do something, or to understand it.
  const isHowToQuestion = (text: string) => text.endsWith('?') && HOW_TO_TITLE.test(text) && !HOW_IT_WORKS_QUESTION.test(text);
  const leadHowTo = [...titles, ...features.questions].find(isHowToQuestion);
  const headingHowTo = headingTexts.find(isHowToQuestion);
  if (leadHowTo ?? headingHowTo) add('howToQuestion', leadHowTo ? 1 : 0.6, `question form \`${leadHowTo ?? headingHowTo}\``);
  const actionTitle = titleActions.find((text) => isImperativeHeading(text));
  if (!howToTitle && actionTitle) add('actionTitle', 1, `title names an action \`${actionTitle}\``);
  const gerundTitle = titleActions.find((text) => /^[A-Z][a-z]+ing\s/.test(text) && !/^(?:Getting started|Understanding|Networking|Logging|Monitoring|Pricing|Licensing|Billing|Caching|Routing|Tracing|Testing|Scaling|Sharing|Naming|Versioning|Working)\b/.test(text));
  if (gerundTitle) add('gerundTitle', 1, `title names an activity \`${gerundTitle.split(/\s/)[0]}\``);
  const taskNoun = titleMatch(/\b(?:creation|configuration|installation|setup|set-up|deployment|migration|upgrades?|integration|onboarding|enablement|removal|uninstall(?:ation)?|troubleshooting|customization|provisioning|registration)$/i);
  if (taskNoun) add('taskNounTitle', 1, `title names a task \`${taskNoun}\``);
  add('purposeClauses', ramp(features.purposeSentences, 0, 4), `${features.purposeSentences} purpose clauses (“To enable X, …”)`);
  add('imperativeCount', ramp(features.imperativeSentences, 2, 20), `${features.imperativeSentences} instructions`);
  const secondPerson = features.secondPersonSentences / sentences;
  if (features.sentences >= 3) add('secondPerson', ramp(secondPerson, 0.1, 0.5), `addresses the reader in ${percent(secondPerson)} of sentences`);
  add('codeExamples', ramp(features.codeBlocks / sentences, 0.02, 0.25), `${features.codeBlocks} code blocks`);
  const howToIntro = countMatches(prose, HOW_TO_INTRO);
  const howToPhrase = firstMatch(prose, new RegExp(HOW_TO_INTRO.source));
  if (howToPhrase) add('howToIntro', ramp(howToIntro, 0, 2), `\`${howToPhrase}\``);
  const longestOrdered = features.orderedLists.reduce((longest, list) => Math.max(longest, list.items), 0);
  const orderedItems = features.orderedLists.reduce((total, list) => total + list.items, 0);
  const numberedHeadings = headingTexts.filter((text) => /^(?:step\s*\d+|\d+[.):]\s|\d+\s*[-–—]\s)/i.test(text)).length;
  const stepCount = Math.max(longestOrdered, numberedHeadings);
  if (stepCount >= 2) add('orderedSteps', ramp(stepCount, 1, 6), numberedHeadings > longestOrdered ? `${numberedHeadings} numbered step headings` : `${longestOrdered} ordered steps`);
  const imperativeOrdered = features.orderedLists.reduce((total, list) => total + list.imperativeItems, 0);
  if (imperativeOrdered >= 2) add('imperativeSteps', ramp(imperativeOrdered, 1, 8), `${imperativeOrdered} of ${orderedItems} ordered items are instructions`);
  const imperativeShare = features.imperativeSentences / sentences;
  if (features.sentences >= 3) add('imperativeProse', ramp(imperativeShare, 0.1, 0.45), `imperative sentences ${percent(imperativeShare)}`);
  const actionHeadings = headingTexts.filter((text) => isImperativeHeading(text) || isImperativeSentence(text) && text.split(/\s+/).length > 1).length;
  if (headingTexts.length > 0) add('imperativeHeadings', ramp(actionHeadings / headingTexts.length, 0.15, 0.6) * ramp(actionHeadings, 0, 2), `${actionHeadings} of ${headingTexts.length} headings name actions`);
  const prerequisites = headingTexts.find((text) => /^(?:prerequisites?|before you (?:begin|start)|requirements|what you(?:'ll| will) need|you(?:'ll| will) need|set ?up|setup|preparation|getting ready)$/i.test(text));
  if (prerequisites) add('prerequisites', 1, `\`${prerequisites}\` section`);
  add('shellCommands', ramp(features.shellBlocks, 0, 4), `${features.shellBlocks} command-line blocks`);

  // Reference: described facts to look up — tables, term lists, signatures, little narrative.
  const referenceIntro = firstMatch(prose, REFERENCE_INTRO);
  if (referenceIntro) add('referenceIntro', 1, `\`${referenceIntro.trim()}\``);
  const referenceQuestion = [...titles, ...features.questions].find((text) => REFERENCE_QUESTION.test(text));
  if (referenceQuestion) add('referenceQuestion', 1, `lookup question \`${referenceQuestion}\``);
  const referenceTitle = titleMatch(REFERENCE_TITLE);
  if (referenceTitle) add('referenceTitle', 1, `title names a lookup \`${referenceTitle}\``);
  const optionTables = features.tables.filter((table) => table.header.filter((cell) => OPTION_HEADER.test(cell.replace(/[`*_]/g, '').trim())).length >= 2);
  const optionRows = optionTables.reduce((total, table) => total + table.rows, 0);
  if (optionTables.length > 0) add('optionTables', ramp(optionRows, 0, 8), `${optionTables.length === 1 ? `a table of ${optionTables[0]!.header.slice(0, 3).map((cell) => `\`${cell}\``).join(', ')} with ${optionRows} rows` : `${optionTables.length} parameter/option tables (${optionRows} rows)`}`);
  const tableRows = features.tables.reduce((total, table) => total + table.rows, 0);
  if (features.tables.length > 0) add('tables', ramp(tableRows / sentences, 0.05, 0.6), `${features.tables.length} tables with ${tableRows} rows`);
  const listItems = features.unorderedItems + orderedItems;
  if (features.definitionItems >= 2) add('definitionLists', ramp(features.definitionItems / Math.max(1, listItems), 0.1, 0.5) * ramp(features.definitionItems, 1, 5), `${features.definitionItems} term–definition list items`);
  if (features.codeHeadings >= 1) add('codeHeadings', ramp(features.codeHeadings / Math.max(1, headingTexts.length), 0, 0.3), `${features.codeHeadings} headings name code identifiers`);
  add('apiSignatures', ramp(features.signatureBlocks, 0, 3), `${features.signatureBlocks} code blocks with API signatures`);
  const referenceHeadings = headingTexts.filter((text) => REFERENCE_HEADING.test(text.replace(/[`*_]|\{#[^}]*\}/g, '').trim()));
  if (referenceHeadings.length > 0) add('referenceHeadings', ramp(referenceHeadings.length / Math.max(1, headingTexts.length), 0, 0.4), `lookup headings ${referenceHeadings.slice(0, 3).map((text) => `\`${text}\``).join(', ')}`);
  const inlineDensity = features.inlineCode / Math.max(20, features.words);
  add('inlineCodeDensity', ramp(inlineDensity, 0.02, 0.08), `inline code every ${inlineDensity > 0 ? Math.round(1 / inlineDensity) : 0} words`);
  const structured = features.tables.length + tableRows + listItems + features.codeBlocks;
  const paragraphsPerStructure = features.paragraphSentences / Math.max(1, structured);
  if (structured >= 4) add('terseText', ramp(1 - paragraphsPerStructure, 0.2, 0.9), `mostly tables, lists and code (${features.paragraphSentences} prose sentences for ${structured} items)`);

  // Explanation: understanding — why, how things relate, discussed in prose.
  const explanationTitle = titleMatch(EXPLANATION_TITLE);
  if (explanationTitle) add('explanationTitle', 1, `title names a topic to understand \`${explanationTitle}\``);
  const conceptQuestion = [...titles, ...features.questions].find((text) => (CONCEPT_QUESTION.test(text) || HOW_IT_WORKS_QUESTION.test(text)) && !REFERENCE_QUESTION.test(text));
  if (conceptQuestion) add('conceptQuestion', 1, `question form \`${conceptQuestion}\``);
  else {
    const conceptHeading = headingTexts.find((text) => CONCEPT_QUESTION.test(text));
    if (conceptHeading) add('conceptQuestion', 0.5, `question form \`${conceptHeading}\``);
  }
  const explanationSelf = firstMatch(prose, EXPLANATION_SELF);
  if (explanationSelf) add('explanationSelf', 1, `\`${explanationSelf}\``);
  const explanationIntro = countMatches(prose, EXPLANATION_INTRO);
  add('explanationIntro', ramp(explanationIntro / sentences, 0, 0.1), `explaining phrases (${topMatches(prose, EXPLANATION_INTRO)})`);
  const reasoning = countMatches(prose, REASONING);
  add('reasoning', ramp(reasoning / sentences, 0.03, 0.3), `why/because discussion (${topMatches(prose, REASONING)})`);
  const wordsPerSentence = features.words / Math.max(1, features.paragraphSentences);
  if (features.paragraphSentences >= 5) add('longProse', ramp(paragraphsPerStructure, 0.5, 3) * ramp(wordsPerSentence, 10, 20), `${features.paragraphSentences} prose sentences, few procedures or tables`);
  const comparison = countMatches(prose, COMPARISON);
  add('comparison', ramp(comparison, 0, 3), `comparisons (${topMatches(prose, COMPARISON)})`);
  if (features.sentences >= 5 && longestOrdered < 3 && features.shellBlocks === 0 && imperativeShare < 0.1) add('noProcedure', 1, `no procedure: ${percent(imperativeShare)} imperative, no ordered steps, no commands`);

  // How much of the page is procedure: a how-to is steps from end to end, an explanation may hold one.
  const bodySections = features.sections.filter((part) => part.sentences + part.orderedItems + part.codeBlocks + part.tables > 0 && !/^(?:next steps|see also|related|further reading|learn more|more information|resources|references)$/i.test(part.heading));
  const procedural = bodySections.filter((part) => part.orderedItems >= 2 || part.imperativeSentences / Math.max(1, part.sentences) >= 0.3 || part.codeBlocks > 0 && part.imperativeSentences > 0);
  const discursive = bodySections.filter((part) => part.sentences >= 3 && part.orderedItems < 2 && part.codeBlocks === 0 && part.imperativeSentences / part.sentences < 0.15);
  if (bodySections.length >= 2) {
    add('proceduralSections', ramp(procedural.length / bodySections.length, 0.2, 0.8), `${procedural.length} of ${bodySections.length} sections are procedures`);
    add('discursiveSections', ramp(discursive.length / bodySections.length, 0.2, 0.8), `${discursive.length} of ${bodySections.length} sections are discussion`);
  }

  const per100 = (count: number) => (100 * count) / Math.max(50, features.words);
  const interfaceWords = countMatches(prose, INTERFACE_WORDS);
  add('interfaceVocabulary', ramp(per100(interfaceWords), 0.5, 4), `interface vocabulary (${topMatches(prose, INTERFACE_WORDS)})`);
  const dataTypeWords = countMatches(prose, DATA_TYPE_WORDS);
  add('dataTypeVocabulary', ramp(per100(dataTypeWords), 0.5, 5), `data and type vocabulary (${topMatches(prose, DATA_TYPE_WORDS)})`);
  const conceptWords = countMatches(prose, CONCEPT_WORDS);
  add('conceptVocabulary', ramp(per100(conceptWords), 0.5, 5), `concept vocabulary (${topMatches(prose, CONCEPT_WORDS)})`);
  const descriptive = features.descriptiveSentences / sentences;
  if (features.sentences >= 3) add('descriptive', ramp(descriptive, 0.1, 0.5), `describing sentences ${percent(descriptive)} (“X is …”, “X provides …”)`);

  return signals;
}
