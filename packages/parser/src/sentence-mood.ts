/**
 * Base-form verbs that open instructions in technical writing ("Select **Save**", "Run the command").
 * A sentence that starts with one of them (after an optional lead-in such as "Then," or "To do X,")
 * is read as imperative. The list is general English documentation vocabulary, not tied to a product.
 */
const IMPERATIVE_VERBS = new Set(
  `accept access activate add adjust allow apply approve assign attach authenticate authorize back browse build
  calculate call cancel change check choose clean clear click clone close collect commit compare compile complete
  configure confirm connect consult copy create customize cut deactivate debug declare define delete deploy describe
  deselect detach disable disconnect dismiss do download drag drop duplicate edit enable ensure enter establish
  examine execute exit expand export extend extract fill filter find finish fix follow fork format generate get give
  go grant grab hover identify implement import include initialize insert inspect install invoke join keep launch let
  link list load locate log login look make manage map mark merge migrate modify monitor mount move name navigate
  note obtain omit open opt paste pause pick pin place plan point populate prepare press preview print proceed
  provide provision publish pull purchase push put query read rebuild reboot receive record redeploy refer refresh
  register reinstall reload remember remove rename reopen repeat replace request reset resize resolve restart
  restore resume retrieve retry return review revoke right-click rotate run save scale scroll search select send
  set setup share sign skip specify start stop store submit subscribe substitute supply switch sync tag tap test
  toggle troubleshoot turn type uncheck uninstall unregister update upgrade upload use validate verify view visit
  wait watch write zoom raise lower increase decrease reduce convert split combine wrap unwrap indent translate
  see learn try consider contact harden explore discover protect secure introduce`.split(/\s+/),
);

/** Words that start a sentence before the verb without changing its mood: "Then run …", "Optionally, set …". */
const LEAD_IN_WORDS = new Set(['then', 'next', 'first', 'finally', 'now', 'optionally', 'also', 'lastly', 'afterwards', 'afterward', 'second', 'third', 'again', 'simply', 'just', 'please', 'instead', 'alternatively', 'additionally']);

/** Words that, right after a would-be verb, show it is a noun or a statement ("Run time is …", "Set up is …"). */
const NOT_AFTER_VERB = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'can', 'will', 'should', 'may', 'might', 'must', 'does', 'of', 'cases', 'case']);

/** The leading words of a sentence, lower-cased, punctuation and Markdown emphasis stripped. */
function leadingWords(sentence: string, count: number): string[] {
  return sentence
    .replace(/^[\s>*_#\-+\d.)[\]("'`]+/, '')
    .split(/\s+/)
    .slice(0, count)
    .map((word) => word.toLowerCase().replace(/^[*_"'`(]+|[*_"'`),:;.!?]+$/g, ''));
}

/**
 * True when a sentence reads as an instruction: it opens with a base-form verb ("Select", "Run", "Don't"),
 * possibly after a lead-in ("Then,", "If prompted,", "To enable logging,").
 */
export function isImperativeSentence(sentence: string): boolean {
  let rest = sentence.trim();
  // "To enable X, run …" / "If prompted, select …" / "In the portal, select …": skip a leading clause.
  const clause = /^(?:to|if|when|once|after|before|in|on|from|under|for|with|at|within|inside|using)\b[^,.;:!?]{0,120},\s+/i.exec(rest);
  if (clause) rest = rest.slice(clause[0].length);
  let words = leadingWords(rest, 5);
  while (words.length > 1 && LEAD_IN_WORDS.has(words[0]!)) words = words.slice(1);
  const [first, second, third] = words;
  if (first === undefined || first === '') return false;
  if (first === "don't" || first === 'do' && second === 'not' || first === 'never' || first === 'avoid' || first === 'make' && second === 'sure') return true;
  if (!IMPERATIVE_VERBS.has(first)) return false;
  if (second === undefined) return true;
  // "Run time is …", "Test results are …": a noun compound as subject, not an instruction.
  if (third !== undefined && /^(?:is|are|was|were)$/.test(third) && !DETERMINERS.has(second)) return false;
  return !NOT_AFTER_VERB.has(second);
}

/** Words that start an object noun phrase: after a verb they confirm the instruction ("Set the value"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'your', 'this', 'that', 'these', 'those', 'all', 'it', 'each', 'every', 'any', 'some', 'my', 'our', 'their', 'its', 'them', 'him', 'her', 'me', 'us', 'what', 'which', 'whether', 'if', 'how']);

/** True when a heading names an action ("Install the agent", "Configure logging"): the how-to shape. */
export function isImperativeHeading(heading: string): boolean {
  const words = leadingWords(heading, 3);
  const [first, second] = words;
  if (first === undefined || !IMPERATIVE_VERBS.has(first)) return false;
  // A heading of one word ("Install", "Examples") is a section name as often as an action.
  return second !== undefined && !NOT_AFTER_VERB.has(second);
}

/** Split prose into sentences on `.`, `!`, `?` followed by a capital, a digit or Markdown punctuation. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9`*"'(\[])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[A-Za-z]{2}/.test(sentence));
}
