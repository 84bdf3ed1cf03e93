/**
 * English grammar words: the closed classes a clause reader needs to find where
 * a noun phrase or a verb group starts and ends. This is mechanism, not
 * vocabulary: the open classes (roles, decision verbs, plan nouns…) are data in
 * rules/classes.yml.
 */
import type {Token} from '../match/tokens.js'

const set = (words: string) => new Set(words.split(' '))

export const DETERMINERS = set('a an the this that these those each every any some no another all both either neither such several many most few')
export const POSSESSIVES = set('my your his her its our their whose')
export const FIRST_PERSON = set('i we me us my our mine ours myself ourselves')
export const PRONOUNS = set("i you he she it we they me him her us them someone somebody everyone everybody anyone anybody nobody one")
/** Subject forms of the personal pronouns: never an object, so after a verb they open a clause ("make sure she has"). */
export const SUBJECT_FORMS = set('i he she we they')
/** Verbs (and the last word of "make sure") whose object is a clause, with or without "that" ("check you have taken…"). */
export const ENSURING = set('sure ensure ensures ensured ensuring check checks checked checking confirm confirms confirmed confirming')
export const MODALS = set("will would shall should must can could may might ought need needs 'll 'd")
export const BE = set("am is are was were be been being 's 're 'm")
export const HAVE = set("have has had having 've")
export const DO = set('do does did')
/** "get" forms a passive: "goals get set by the team". */
export const GET = set('get gets got gotten getting')
export const NEGATORS = set(
  "not never no nor neither unable incapable n't don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't mustn't isn't aren't wasn't weren't hasn't haven't hadn't shan't needn't mightn't ain't"
)
/** Adverbs that say something is scarce: a lack ("rarely have the skills"), though not a denial. */
export const LIMITERS = set('rarely seldom hardly barely scarcely')
/** Verbs that, before "to", say someone manages something seldom or not at all: "struggle to keep a job". */
export const LIMITING_VERBS = set('struggle struggles struggled struggling fail fails failed failing')
/** Subjects that negate the clause they head: "no one decides for you". */
export const NEGATIVE_SUBJECTS = set('nobody noone none nothing')
export const PREPOSITIONS = set(
  'of in on at by for with as about over under below above beneath according from into onto to through via using without within between among against across after before during since until upon towards toward around alongside along beside beyond despite per like than regarding concerning following including throughout'
)
/** Words that take their head from an of-phrase: "one of the interventions". */
export const PARTITIVES = set('one some many most all each any none several few both either neither more less much')
/** Nouns of quantity whose of-phrase holds the head: "a small number of residents". */
export const QUANTITIES = set('minimum maximum average total number numbers handful minority majority proportion percentage lot lots couple fraction half third quarter rest bulk part parts aspect aspects area areas corner group groups level levels amount amounts frequency intensity')
export const CONJUNCTIONS = set('and or but nor yet &')
/** Forms of "help" before a bare verb ("help plan", "helps manage"): the helper does it with the person. */
export const HELP = /^help(?:s|ed|ing)?$/
export const SUBORDINATORS = set('because although though when whenever if unless while whilst once whereas where wherever so until before after since as')
/** Subordinators that set a condition or a time ("…as recovered, once their score…"). */
export const CONDITIONS = set('once when whenever if until after unless')
export const RELATIVES = set('that which who whom whose')
/** Words that open a clause standing as an object ("tells the person what the plan is"). */
export const WH = set('what which how whether when where who whom why if')
/** Verbs of choosing: before a wh-word, the choice is whoever's subject they have ("the person decides whether…"). */
export const CHOOSING = set('decide decides decided choose chooses chose pick picks select selects')
/** Adverbs that sit inside a verb group ("will usually set"). Words ending -ly are adverbs too. */
const GROUP_ADVERBS = set('yet also always usually often sometimes then now still only just already even ever first finally currently initially normally generally typically routinely ultimately simply again soon seldom beforehand afterwards afterward meanwhile')
/** Particles that complete a phrasal verb ("sign off", "draw up"). */
export const PARTICLES = set('up off out down back')
/** Particles a phrasal verb's object pronoun can split off: the particles, and "over", "away" ("took her over", "pushes them away"). */
export const SPLIT_PARTICLES = new Set([...PARTICLES, 'over', 'away'])
/** Words that say a decision is shared with the person. */
export const SHARED = set('together jointly collaboratively mutually alongside co-produce coproduce')

const LY_NOT_ADVERB = set('only family supply apply reply early daily weekly monthly yearly friendly lonely elderly holy ugly rely fly july italy ally bully')

export function isAdverb(norm: string): boolean {
  return GROUP_ADVERBS.has(norm) || (norm.length > 4 && norm.endsWith('ly') && !LY_NOT_ADVERB.has(norm))
}

/** "rather than", "instead of": a two-word contrast that sets what follows aside. */
export function isContrastPair(a: string, b: string): boolean {
  return (a === 'rather' && b === 'than') || (a === 'instead' && b === 'of')
}

/** A two-word preposition, whose first word heads no noun phrase: "rather than", "ahead of the meeting", "prior to discharge". */
export function isTwoWordPreposition(a: string, b: string): boolean {
  return isContrastPair(a, b) || (b === 'of' && /^(ahead|because|regardless|irrespective)$/.test(a)) || (b === 'to' && /^(prior|previous|subsequent)$/.test(a))
}

/** "while she is still unwell" at token k: a state that has to pass first, read as a condition like "until". */
export function isWhileStill(tokens: ReadonlyArray<{norm: string}>, k: number): boolean {
  return tokens[k].norm === 'while' && tokens.slice(k + 1, k + 5).some((t) => t.norm === 'still')
}

export function isNegator(norm: string): boolean {
  return NEGATORS.has(norm) || norm.endsWith("n't")
}

/** "whether a young person is well or not": the alternative a question offers, not a negation. */
export function isOrNot(tokens: ReadonlyArray<{norm: string}>, i: number): boolean {
  return tokens[i].norm === 'not' && tokens[i - 1]?.norm === 'or' && tokens.slice(0, i).some((t) => t.norm === 'whether')
}

const FUNCTION_WORDS = new Set(
  [DETERMINERS, POSSESSIVES, MODALS, BE, HAVE, DO, NEGATORS, PREPOSITIONS, CONJUNCTIONS, SUBORDINATORS, RELATIVES, WH].flatMap((words) => [...words]).filter((w) => w !== 'unable' && w !== 'incapable')
)

/** Words that end a noun phrase or cannot be its head: the closed classes above, and negators other than "unable", "incapable". */
export function isFunctionWord(norm: string): boolean {
  return FUNCTION_WORDS.has(norm) || norm.endsWith("n't")
}

/** Words that belong to a verb group before the main verb ("should not usually be"). */
export function isVerbGroupWord(norm: string): boolean {
  return norm === 'able' || norm === 'ready' || norm === 'willing' || MODALS.has(norm) || BE.has(norm) || HAVE.has(norm) || DO.has(norm) || GET.has(norm) || isNegator(norm) || isAdverb(norm) || norm === 'to'
}

/** Verbs whose object does what the following to-infinitive says ("allow people to choose"). */
export const OBJECT_CONTROL = /^(allow|allows|allowed|allowing|help|helps|helped|helping|encourage|encourages|encouraged|encouraging|ask|asks|asked|asking|tell|tells|told|want|wants|wanted|expect|expects|expected|need|needs|require|requires|required|enable|enables|enabled|support|supports|supported|supporting|invite|invites|invited|get|gets|got|force|forces|forced|persuade|persuades|persuaded|remind|reminds|reminded|train|trains|trained|teach|teaches|taught|permit|permits|permitted|leave|leaves|left|advise|advises|advised|urge|urges|urged|instruct|instructs|instructed|prompt|prompts|prompted|pressure|pressures|pressured|push|pushes|pushed|empower|empowers|empowered|trust|trusts|trusted)$/

/** Verbs by which a clause's subject holds an entitlement noun ("have the right to", "were given the chance to"). */
export const HOLDING = new Set(['have', 'has', 'had', 'having', 'hold', 'holds', 'held', 'keep', 'keeps', 'kept', 'retain', 'retains', 'retained', 'given', 'granted', 'get', 'gets', 'got', 'gain', 'gains', 'gained', 'exercise', 'exercises', 'exercised', 'use', 'uses', 'used', 'reserve', 'reserves', 'reserved'])
/** "the person's right to make choices", "their chance to decide": the noun's holder does what the infinitive names, not the clause's subject. */
export const ENTITLEMENT_NOUNS = new Set(['right', 'rights', 'freedom', 'choice', 'chance', 'opportunity', 'opportunities', 'ability', 'power', 'capacity', 'wish', 'wishes', 'entitlement', 'permission', 'licence', 'license', 'autonomy'])

/** "The peer's job is to…": the possessor does what the role noun names. */
/** Words of time that make "last" or "next" before them an adverbial ("signed off the schedule last week"). */
export const TIME_NOUNS = set('week weeks month months year years day days night time term quarter session meeting spring summer autumn winter monday tuesday wednesday thursday friday saturday sunday')
export const ROLE_NOUNS = new Set(['job', 'role', 'task', 'duty', 'responsibility', 'purpose', 'aim', 'function', 'remit'])
/** Numbers that start a phrase of their own ("the rota two weeks in advance"). */
export const CARDINAL = /^(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)$/
/** Words a number follows inside its phrase: "the same seven steps", "the first three sessions". */
export const BEFORE_NUMBER = set('same first last next other only final top following previous')
export const CLAUSE_PUNCTUATION = /[.;:!?|\u2014()\[\]]|\s[-\u2013]\s/

/** Degree words before an adjective or noun ("so fragile", "very much a burden"). */
export const DEGREE = set('so very too quite rather more less most least really extremely incredibly particularly especially much far')

/**
 * "remain unable to live alone", "seem incapable of…", "were found incapable of…": a linking verb that belongs to the verb group of an inability;
 * so does a verb of arriving with the inability as how the person comes ("many people arrive unable to look after themselves").
 */
export function linksInability(verb: string, next: string): boolean {
  // "were found incapable of keeping…", "are judged unable to…": a verdict's participle links as "seem" does.
  return /^(remain|remains|remained|seem|seems|seemed|appear|appears|appeared|become|becomes|became|arrive|arrives|arrived|present|presents|presented|return|returns|returned|found|judged|deemed|considered|thought)$/.test(verb) && /^(unable|incapable|unfit)$/.test(next)
}

/**
 * A verb of telling never stands without its object, so a bare participle of one is a note's passive: "Patient
 * informed of decision", "Ms Tanaka advised accordingly" (clause.ts; "Goals set by consultant" is read by its by-phrase).
 */
export function isToldForm(norm: string): boolean {
  return norm === 'informed' || norm === 'notified' || norm === 'advised' || norm === 'told'
}

/** "until", "unless", "till": a condition that holds something back until it is met. */
export function isUntil(token: Token): boolean {
  return /^(until|unless|till)$/.test(token.norm)
}

/** "at least ten", "up to 25", "no more than 3": how many words bound the number that follows them (0 if none). */
export function numberBound(a: string, b: string, c: string): number {
  if ((a === 'at' && (b === 'least' || b === 'most')) || (a === 'up' && b === 'to') || (/^(more|fewer|less)$/.test(a) && b === 'than')) return 2
  if (a === 'no' && /^(more|fewer|less)$/.test(b) && c === 'than') return 3
  return /^(over|around|about|nearly|almost|approximately|roughly)$/.test(a) ? 1 : 0
}

/** -ing words that are nouns or prepositions, not gerunds or participles. */
export const NOT_GERUNDS = new Set('nothing something anything everything morning evening building meeting housing funding during thing string spring ring king wing ceiling'.split(' '))

/** Words opening a clause object that may stand after a phrase ("decides after the visit what…"); not relatives ("who"). */
export const DISPLACED = new Set(['what', 'which', 'whether', 'when', 'how', 'where', 'that', 'if'])
