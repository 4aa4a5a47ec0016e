/**
 * A SMART check for recommendations, to help writers make ones reviewers can follow up. It places a text on
 * UPR Info's scale of action categories (1 minimal action, 2 continuing action, 3 considering action, 4 general
 * action, 5 specific action: the one whose implementation can be verified) by its leading action verb, flags
 * vague wording, and says which of actor, action, measurable result and deadline it lacks.
 *
 * The verb lists are Rightsdraft's heuristics after UPR Info's published examples, in English only; they guide
 * the writer and never block a submission.
 */

export type ActionCategory = 1 | 2 | 3 | 4 | 5;
export type SmartPart = 'actor' | 'action' | 'measurable result' | 'deadline';

export const ACTION_CATEGORY_NAMES: Record<ActionCategory, string> = {
  1: 'minimal action',
  2: 'continuing action',
  3: 'considering action',
  4: 'general action',
  5: 'specific action',
};

export interface SmartAssessment {
  category: ActionCategory;
  categoryName: string;
  /** Category 5: a specific action that can be followed up. */
  specific: boolean;
  /** The vague phrases found, as written in the text. */
  vagueTerms: string[];
  missing: SmartPart[];
}

/** Who may be asked to act, when the text names them rather than leaving "the State" implicit. */
const ACTOR =
  /\b(the state(?: party| under review)?|government|parliament|national assembly|congress|legislature|ministry|minister|authorities|police|prosecutor(?:'s office)?|courts?|judiciary|municipalit(?:y|ies)|local authorities|ombudsperson|national human rights institution|office of|department of|agency|commission)\b/i;

/** Words after which the action comes: "The State party should", "We recommend that the Government". */
const MODAL =
  /\b(?:should|must|shall|(?:is|are) (?:urged|encouraged|requested|called upon|invited) to|recommends? that|urges?|calls? (?:up)?on)\b/i;

const CATEGORY_VERBS: [ActionCategory, RegExp][] = [
  [1, /^(?:seek|request)\b.*\b(?:technical|financial)\b|^share\b|^call (?:up)?on (?:other )?states\b/],
  [2, /^(?:continue|maintain|persevere|pursue|keep|sustain|carry on|remain)\b/],
  [3, /^(?:consider|reflect|envisage|explore|study|examine the possibility|look into|think about|assess the possibility)\b/],
  [
    5,
    /^(?:ratify|accede|adopt|enact|amend|repeal|abolish|establish|create|set up|criminali[sz]e|decriminali[sz]e|withdraw|lift|investigate|prosecute|release|allocate|publish|issue|extend a standing invitation|introduce|revise|remove|prohibit|ban|end|close|stop|cease|sign|submit|appoint|collect|disaggregate|register|recognise|recognize|align|incorporate|fund|provide (?:free|legal|a|an)|train all|conduct (?:an? )?(?:independent|impartial|prompt)|bring .* into line)\b/,
  ],
  [
    4,
    /^(?:take|ensure|promote|strengthen|enhance|improve|intensify|step up|redouble|strive|endeavou?r|make|work|support|encourage|foster|combat|address|protect|respect|guarantee|raise|facilitate|tackle|fight|prevent|eliminate|eradicate|implement|develop|undertake|provide|increase|reduce|put in place|further)\b/,
  ],
];

/** Phrases reviewers single out as vague: they commit to nothing anyone can check. */
const VAGUE =
  /\b(?:consider(?:ing)?|continue (?:its |their |the )?efforts|continue to|strive|endeavou?r|take (?:all )?(?:appropriate|necessary|further|adequate|effective|concrete|the necessary) (?:measures|steps|action)|make (?:every |further )?efforts?|redouble (?:its )?efforts|step up (?:its )?efforts|intensify (?:its )?efforts|as appropriate|where possible|as far as possible|explore (?:the possibility|ways)|look into|reflect on)\b/gi;

/** Outcomes one can count or see happen. */
const MEASURABLE =
  /\d+\s*(?:%|per ?cent|percent)|\b(?:at least|no fewer than|number of|proportion of|share of|reduce .{1,60}\bby\b|increase .{1,60}\bto\b|disaggregated|indicators?|benchmarks?|targets?|budget of|annual(?:ly)? (?:report|data|statistics)|all (?:children|schools|cases|women|persons|detainees|police officers))\b/i;

/** A category-5 verb whose result is itself observable: the law is adopted or it is not. */
const BINARY_OUTCOME =
  /^(?:ratify|accede|adopt|enact|amend|repeal|abolish|establish|create|set up|criminali[sz]e|decriminali[sz]e|withdraw|lift|release|publish|issue|extend a standing invitation|sign|submit|appoint|close|end|ban|prohibit|register|recognise|recognize)\b/;

const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
const DEADLINE = new RegExp(
  `\\b(?:by|before|within|no later than|until|ahead of)\\s+(?:the end of\\s+|end-)?(?:${MONTH}\\s+)?(?:\\d{4}\\b|\\d+\\s+(?:days|weeks|months|years)|(?:one|two|three|four|six|twelve|eighteen)\\s+(?:months?|years?)|(?:a|one) year|(?:its|the) next (?:review|cycle|periodic report|report|session|upr)|the (?:\\w+ )?(?:cycle|review|session))`,
  'i',
);

/** The text with its leading numbering ("26.45", "(a)", "1.") removed. */
function body(text: string): string {
  return text.trim().replace(/^(?:\d+(?:\.\d+)*\.?|\([a-z0-9]+\)|[a-z]\))\s+/i, '');
}

/**
 * The phrase that starts with the action verb: after a modal ("should", "recommends that") when there is one,
 * at the first word a category recognises within the first dozen words ("The Ministry of Education to end ...").
 */
function actionPhrase(text: string): { phrase: string; category: ActionCategory | null } {
  const modal = MODAL.exec(text);
  const rest = modal && modal.index < 160 ? text.slice(modal.index + modal[0].length) : text;
  const words = rest.toLowerCase().trim().split(/\s+/);
  for (let i = 0; i < Math.min(words.length, 12); i++) {
    const phrase = words.slice(i).join(' ');
    const found = CATEGORY_VERBS.find(([, pattern]) => pattern.test(phrase));
    if (found) return { phrase, category: found[0] };
  }
  return { phrase: words.join(' '), category: null };
}

export function assessRecommendation(text: string, options: { addressee?: string | null } = {}): SmartAssessment {
  const main = body(text);
  const { phrase: verbPhrase, category: recognised } = actionPhrase(main);
  // Text with no recognised verb commits to nothing specific: general action at best.
  const category: ActionCategory = recognised ?? 4;
  const vagueTerms = [...new Set((main.match(VAGUE) ?? []).map((t) => t.toLowerCase()))];
  const missing: SmartPart[] = [];
  if (!options.addressee && !ACTOR.test(main)) missing.push('actor');
  if (category !== 5) missing.push('action');
  if (!(category === 5 && BINARY_OUTCOME.test(verbPhrase)) && !MEASURABLE.test(main)) missing.push('measurable result');
  if (!DEADLINE.test(main)) missing.push('deadline');
  return { category, categoryName: ACTION_CATEGORY_NAMES[category], specific: category === 5, vagueTerms, missing };
}
