"""Word lists and patterns the goal checker uses (observable vs. vague verbs, tools, time words)."""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
#: A number written as digits (with decimals or a dollar sign) or as a word.
NUM = (r"(?:\$?\d+(?:[.,]\d+)?|(?:"
       + "|".join(sorted((w for w in NUMBER_WORDS if w not in ("no", "none")), key=len, reverse=True))
       + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)")

def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
PERIOD = (r"(?:quarter|semester|trimester|grading\s+period|marking\s+period|term|school\s+year|year|"
          r"(?:progress\s+)?report(?:ing)?\s+period|progress\s+report|report\s+card\s+period|"
          # Many districts grade in "nine weeks" ("by the end of the third nine weeks").
          r"(?:nine|9)[\s-]weeks?(?:\s+(?:grading\s+)?period)?)")
#: A season, optionally with its year ("spring 2027", "2027 spring").
SEASON = r"(?:spring|fall|autumn|winter|summer)"
ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final|next)"

#: Verbs that name something a person can see or count (REFERENCE §5.5, plus close relatives).
OBSERVABLE_VERBS = _wordset("""
read decode say name label point state list spell write copy type compute solve calculate count
match sort circle underline answer retell summarize paraphrase identify ask request initiate respond
take raise follow complete turn walk run jump hop skip climb cut button zip snap wash dress use
produce sign select locate tell begin start remain stay keep arrive catch throw kick form record
break open close move transition speak include make wait greet ride submit sit hold put place
pronounce articulate blend segment add subtract multiply divide estimate measure graph plot explain
describe finish clean brush eat drink tie pour cross navigate check edit revise plan self-monitor
monitor maintain repeat imitate trace print draw color fold paste glue stack string sequence order
compare convert round simplify evaluate interpret highlight annotate outline draft proofread
organize log enter pack unpack hang return deliver greet introduce invite share comment reply
apologize negotiate compromise accept refuse choose give show hand demonstrate shake nod look
gesture vocalize sing chew swallow toilet flush button buckle fasten dial call text email
schedule budget shop pay purchase cook prepare set store fill sign navigate mark tap press swipe
scan highlight chart tally rate verify attend enroll live work earn obtain volunteer apply
participate receive interview commute access get stop calm transition line lead ride engage
self-correct self-advocate tolerate go underline skim proofread highlight find carry click drag bring fetch contribute
protest define encode cite generate regroup don doff feed self-feed scoop sip bite ascend descend balance transfer
withdraw deposit clock punch report refrain advocate seek persist sustain grasp release reach propel ambulate
maneuver stand kneel squat lift push pull roll bounce dribble pedal swim crawl gallop march wave hug point touch
activate exchange combine approximate recite rhyme substitute delete isolate manipulate capitalize punctuate indent
alphabetize construct compose rewrite restate recount predict infer cite quote classify categorize label
sweep mop vacuum wipe stock restock shelve bag assemble package shred collate staple file bus dust launder
undress unzip unbutton unfasten lace remove shower bathe comb groom shave floss apply wear
board exit greet thank compliment join play converse signal indicate mand tact notify inform orient enlist
align arrange attach bake bead blow breathe chop clear connect cough cover depart dry echo enunciate flip help
insert iron jog laminate load lock login microwave mix offer operate paint pass peel pick pinch present project
reread retrieve rotate teach own represent determine
scroll serve shout slice spread squeeze stir strike swing tear thread tidy trade travel
twist unload unlock untie weigh welcome whisper utilize employ
""")

#: Verbs that describe a state of mind or a hoped-for change, not an action (REFERENCE §5.5).
VAGUE_VERBS = _wordset("""
understand know learn appreciate comprehend realize believe feel enjoy think recognize improve
increase decrease develop grow try be become appear behave display exhibit strengthen gain acquire
master reduce enhance build expand progress advance benefit consider value grasp internalize
explore experience continue hope wish want like communicate cope adjust manage focus concentrate
listen pay respect care attempt work have achieve reach obtain score meet perform function comply
analyze collaborate cooperate critique memorize notice regulate self-regulate relax remember synthesize
""")

#: Words that say how something is communicated ("using his device", "in 3-word phrases", "by signing").
_HOW = (r"\b(?:using|by\s+\w+ing|with\s+(?:his|her|their|a|an)\s+(?:[\w-]+\s+)?(?:device|board|words|signs?|"
        r"pictures?|phrases|sentences)|through|via|verbally|orally|in\s+writing|in\s+(?:\d+-word|complete\s+|full\s+)|"
        r"in\s+(?:[\w-]+\s+)?(?:sentences|phrases|utterances|words))")
#: A duration ("for 10 minutes", "for the whole lesson" is not one).
_TIMED = r"\b(?:minutes?|seconds?|hours?|mins?)\b"
#: Verbs that are only vague in some uses; the checker looks at what follows them.
CONDITIONAL_VERBS = {
    # "work on" is vague; "work part-time at a store" is an outcome.
    "work": re.compile(r"^work\s+(?:on|toward|towards|at improving|to improve|hard)\b"),
    # "use time constructively" is a non-goal; "use a calculator" is observable.
    "use": re.compile(r"^use\s+(?:\w+\s+){0,2}(?:time|judgment|judgement|manners|skills|strategies appropriately)\b"
                      r"|^use\s+appropriate\b"
                      # "use coping strategies": which ones? Vague unless the goal names them.
                      # ("use fluency-shaping strategies to produce …" names the action after "to").
                      r"|^use\s+(?:[\w-]+\s+){0,2}(?:strategies|skills|techniques)\b(?!\s+to\s+\w)"
                      r"(?![^.;]*(?:\(|\bsuch\s+as\b|\bincluding\b|\be\.g\.|:))"),
    # "make friends / progress / gains" is an outcome; "make 18 correct selections" is an action.
    "make": re.compile(r"^make\s+(?:\w+\s+)?(?:friends|progress|gains|improvements?|better|good|choices)\b"),
    # "participate" alone is an activity, not an outcome.
    # ("participate actively on 4 of 5 days" is still participation alone: adverbs and a count add no action.)
    "participate": re.compile(r"^participate(?:\s+[a-z]+ly)*(?:\s+(?:in|during)\s+(?:\w+\s+){0,3}"
                              r"(?:activities|activity|groups?|class(?:es)?|discussions?|lessons?|sessions?)\b|\s*[,.;]|\s*$"
                              rf"|\s+(?:on|in|for|across|during|at|with)\s+(?:at\s+least\s+)?{NUM}\b)"),
    # "attend a job fair" is an activity; "attend community college" is a postsecondary outcome.
    "attend": re.compile(r"^attend(?!\s+to\s+[^,.;]*?(?:\d|\b(?:minutes?|seconds?|hours?)\b))"
                         r"(?!\s+(?:a\s+|an\s+|the\s+)?(?:\w+[\s-]+){0,3}"
                         r"(?:college|university|school|program|programme|courses?|classes|training|academy|institute)\b)"),
    "demonstrate": re.compile(r"^demonstrate\s+(?:\w+\s+){0,2}(?:understanding|knowledge|awareness|mastery|ability|"
                              r"skills?|growth|progress|improvement|improved|appropriate|proficiency|competence|an?\s+understanding)"
                              # "demonstrate number sense": an idea, not an action, unless the action is named.
                              r"|^demonstrate\s+(?:[\w-]+\s+){0,2}(?:sense|concepts?|comprehension|competenc[ey]|readiness|"
                              r"independence|responsibility|self-control|maturity|confidence|literacy|numeracy|fluency)\b"),
    # "tolerate changes in routine" is a feeling; "tolerate wearing headphones for 10 minutes" can be timed.
    "tolerate": re.compile(r"^tolerate\b(?![^,.;]*(?:\d|\b(?:minutes?|seconds?|hours?)\b))"),
    # "communicate his wants" is vague; "communicate his wants using his AAC device / in 3-word phrases" says how.
    "communicate": re.compile(rf"^communicate(?![^,.;]*{_HOW})"),
    "express": re.compile(rf"^express(?![^,.;]*{_HOW})"),
    # "sustain attention" and "persist" are states unless timed ("for 10 minutes").
    "sustain": re.compile(rf"^sustain\b(?![^,.;]*{_TIMED})"),
    "persist": re.compile(rf"^persist\b(?![^,.;]*{_TIMED})"),
    # "grasp a pencil" is a movement; "grasp the concept" is an idea.
    "grasp": re.compile(r"^grasp\s+(?:(?:the|a|an)\s+)?(?:\w+\s+)?(?:concepts?|ideas?|meaning|understanding|"
                        r"importance|difference|relationship)\b"),
    # "reach a score" is an outcome; "reach for an object" is a movement.
    "reach": re.compile(r"^reach(?!\s+(?:for|across|up|out|overhead|to\s+(?:touch|grasp|get)))"),
    # "transfer skills to new settings" is generalisation, not a movement.
    "transfer": re.compile(r"^transfer\s+(?:(?:his|her|their|the|these|learned|new)\s+)*"
                           r"(?:skills?|knowledge|learning|strategies)\b"),
    "point": re.compile(r"^point\s+(?:out\s+)?(?:of\s+view|(?:his|her|their)\s+views?)\b"),
    # "go to college" is an outcome; "go" alone says nothing.
    "go": re.compile(r"^go\b(?!\s+to\b)"),
    "maintain": re.compile(r"^maintain\s+(?:appropriate|good|positive)\b"),
    "follow": re.compile(r"^follow\s+(?:school\s+|classroom\s+)?rules\s*(?:[.,;]|$)"),
    "complete": re.compile(r"^complete\s+(?:\w+\s+)?(?:tasks|work)\s*(?:[.,;]|$)"),
    "take": re.compile(r"^take\s+(?:responsibility|ownership|pride|initiative)\b"),
    "keep": re.compile(r"^keep\s+up\b"),
    "show": re.compile(r"^show\s+(?:\w+\s+)?(?:more|less|better|improved|improvement|progress|growth|understanding|"
                       r"respect|interest|self-control|empathy|awareness|knowledge|maturity|responsibility|effort)\b"),
    "pay": re.compile(r"^pay\s+(?:\w+\s+)?attention\b"),
    "engage": re.compile(r"^engage\s+(?:appropriately|more)\b"),
    "get": re.compile(r"^get\s+(?:along|better)\b"),
    # "self-monitor his work completion" is a state of mind unless the goal says how (by marking a chart …).
    "self-monitor": re.compile(r"^self-monitor(?!.*\b(?:by|using|with|on)\s+(?:a|an|the|his|her|their)\b)"),
}

# "utilize" and "employ" are read like "use" ("utilize coping strategies" is as vague as "use" them).
for _synonym in ("utilize", "employ"):
    CONDITIONAL_VERBS[_synonym] = re.compile(CONDITIONAL_VERBS["use"].pattern.replace("^use", f"^{_synonym}"))

#: Names for problem behavior that say nothing about what the child is seen doing unless the goal
#: defines them ("tantrums (crying, dropping to the floor)"); REFERENCE §5.5 judgement words.
UNDEFINED_BEHAVIOR = re.compile(
    r"\b(?:tantrums?|meltdowns?|outbursts?|non-?compliance|noncompliant\s+behaviou?rs?|disruptions?|"
    r"disruptive\s+behaviou?rs?|aggression|aggressive\s+behaviou?rs?|problem\s+behaviou?rs?|"
    r"inappropriate\s+behaviou?rs?|negative\s+behaviou?rs?|off-task\s+behaviou?rs?|defiance|defiant\s+behaviou?rs?)\b"
)
#: Words that show a behavior has been defined by what is seen.
DEFINED = re.compile(r"\(|\bdefined\s+as\b|\bsuch\s+as\b|\bincluding\b|\bspecifically\b|\bi\.e\.|\be\.g\.")

#: Outcome-like verbs that name a result, not something the child does.
OUTCOME_VERBS = frozenset({"score", "achieve", "reach", "obtain", "meet", "pass", "have", "earn", "master"})

#: "Activities, not outcomes" (REFERENCE §5.5 and §5.7).
ACTIVITY_PATTERNS = re.compile(
    r"\b(?:attend(?:s|ing)?\s+(?:a\s+|an\s+|the\s+)?(?:\w+[\s-]+){0,2}(?:fair|group|tour|session|meeting|class|workshop|club|visit)s?"
    r"|participate\s+in\s+(?:\w+\s+){0,3}(?:activities|activity|groups?|sessions?|lessons?|therapy|instruction)"
    r"|be\s+exposed\s+to|receive\s+(?:\w+\s+){0,2}(?:instruction|therapy|services|support|reteaching)"
    r"|work\s+on|be\s+provided\s+with|be\s+given|visit\s+(?:a\s+|the\s+)?(?:\w+\s+){0,2}(?:college|campus|job|site))\b"
)

#: Judgement words a parent should ask to have replaced by what the child is seen doing.
JUDGEMENT_WORDS = re.compile(
    r"\b(?:difficulty|weak|unmotivated|lazy|defiant|irresponsible|uncooperative|appropriate(?:ly)?|"
    r"age[- ]appropriate|better|more\s+(?:independent|organized|responsible|focused|motivated))\b"
)

#: Methods, instruments, data sources or recorders (REFERENCE §5.8 "measurement").
#: Nouns that name where data are kept ("teacher records", "staff observation logs", "SLP data").
_DATA_NOUNS = (r"(?:data|records?|logs?|observations?|reports?|probes?|charts?|graphs?|sheets?|checklists?|rubrics?|"
               r"samples?|assessments?|tests?|scores?|notes|tallies|tally)")
MEASUREMENT = re.compile(
    r"\b(?:as\s+)?(?:measured|documented|recorded|assessed|evaluated|monitored|tracked|charted|graphed|"
    r"determined|observed|collected|verified|checked|scored|reported|noted|counted|tallied|rated)\s+"
    r"(?:weekly\s+|monthly\s+|daily\s+|biweekly\s+)?(?:by|on|in|through|using|with|via|from)\b"
    # "data collected weekly", "data will be kept by the teacher".
    r"|\bdata\s+(?:will\s+be\s+|is\s+|are\s+)?(?:collected|gathered|recorded|kept|taken|charted|graphed)\b"
    # "as evidenced by …", "as shown by …", "as demonstrated by teacher records".
    r"|\bas\s+(?:evidenced|demonstrated|shown|indicated|determined|reflected|documented)\s+(?:by|in|on|through)\b"
    # "according to teacher data", "based on teacher-collected data", "per SLP records".
    rf"|\b(?:according\s+to|based\s+on|per)\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\w'-]+\s+){{0,3}}?{_DATA_NOUNS}\b"
    # "charted weekly", "graphed by the teacher"; "on a frequency chart", "in a behavior log".
    r"|\b(?:charted|graphed)\b"
    rf"|\b(?:on|in|using)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:charts?|graphs?|logs?|record\s+sheets?)\b"
    r"|\b(?:cbm|curriculum[- ]based\s+(?:measures?|measurements?|assessments?|probes?)|dibels|aimsweb|easycbm|"
    r"fastbridge|i-?ready|map\s+growth|star\s+reading|running\s+records?|rubrics?|data\s+(?:sheets?|collection|log|logs)|"
    r"checklists?|(?:work|writing)\s+samples?|language\s+samples?|(?:teacher|staff|direct|classroom)\s+observations?|"
    r"observation\s+(?:log|checklist|form)s?|informal\s+assessments?|assessments?|interval\s+recording|"
    r"time\s+sampling|frequency\s+(?:counts?|data|recording)|tally(?:\s+sheets?)?|probes?|tests?|quizz(?:es)?|quiz|"
    r"inventor(?:y|ies)|screeners?|benchmark\s+(?:assessments?|tests?)|(?:slp|ot|pt|teacher|staff|therapist)\s+data|"
    r"(?:behavior|rating)\s+scales?|abc\s+(?:data|log|chart)s?|point\s+sheets?|gradebook|grade\s*book|logs?|"
    r"portfolios?|brief-2|progress[- ]monitoring|self-?monitoring\s+(?:form|sheet|chart)s?|"
    # Published tools and screeners IEPs name.
    # (A level on a reading scale - "increase her DRA level" - is an outcome, not a method.)
    r"acadience|aimswebplus|star\s+(?:math|early\s+literacy)|nwea|qri(?:-\d)?|brigance|"
    r"(?:fountas\s*(?:&|and)\s*pinnell|f\s*&\s*p)\s+(?:benchmark|assessment|running\s+records?)|"
    r"vineland(?:-\d)?|woodcock|wiat|ktea|celf|beery|"
    # Records kept by the people who work with the child.
    # (Progress reports are how parents hear of progress, not how it is measured.)
    r"anecdotal\s+(?:records?|notes|data)|progress\s+(?:notes|data|logs?)|"
    r"(?:therapy|session|job\s+coach|teacher|staff|therapist|slp|ot|pt|"
    r"nurse|aide|para(?:professional)?)(?:'s)?\s+(?:notes|records?|reports?|logs?|data)|"
    r"(?:daily\s+)?(?:behavior\s+)?report\s+cards?|\bdrc|home[- ]school\s+(?:notes?|communication\s+(?:logs?|forms?))|"
    r"(?:time\s*sheets?|time\s*cards?)|employer\s+(?:evaluations?|reports?|ratings?)|supervisor\s+(?:evaluations?|ratings?)|"
    r"scatter\s*plots?|stopwatch|goniomet\w+|(?:trial|probe|prompt|task[- ]analysis|session)\s+data|"
    r"mastery\s+checks?|exit\s+tickets?|(?:speech|conversational)\s+samples?|(?:latency|duration|event)\s+recording|"
    r"(?:partial|whole)[- ]interval|crts?|criterion[- ]referenced\s+tests?|istep|staar|sbac|parcc|"
    r"state\s+(?:assessments?|tests?))\b"
    r"|\b(?:through|by|via|using|in)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?interviews?\b"
    # "by observation", "through direct observation".
    r"|\b(?:by|through|via|using|from)\s+(?:direct\s+|daily\s+|weekly\s+|informal\s+)?observations?\b"
    # Form fields: "Evaluation method: observation", "Measurement: work samples", "Data source: …".
    r"|\b(?:evaluation|measurement|assessment|data\s+collection|monitoring|data|method|measure|tool)"
    r"(?:\s+(?:method|procedure|tool|plan|source)s?)?\s*:\s*[a-z]"
    r"|\b(?:method\s+of\s+(?:measurement|evaluation|assessment)|data\s+sources?|measured\s+by|evaluated\s+by)\s*:"
)

#: Consistency: over how many trials, probes, sessions, days … (REFERENCE §5.8 "criterion").
_UNITS_OF_CONSISTENCY = (
    r"(?:trials?|probes?|sessions?|days?|weeks?|months?|opportunities|opportunity|observations?|samples?|"
    r"assignments?|tests?|quizz(?:es)?|quiz|data\s+points?|periods?|lessons?|attempts?|occasions?|transitions?|"
    r"passages?|tasks?|activities|units?|projects?|trips?|checks?|measures?|probes?|recesses|intervals?|"
    r"conversations?|exchanges?|readings?|problems?|prompts?|times|classes|school\s+days|assessments?|"
    r"evaluations?|administrations?|journal\s+entries|entries|chapters?|essays?|drafts?|role\s+plays?|interviews?|"
    r"visits?|shifts?|outings?|games?|meals?|routines?|summaries|events?|rounds?|work\s+periods?|workdays|"
    # Generalisation: "across 2 settings and 2 adults", "with 3 different communication partners".
    r"settings?|environments?|adults|staff\s+members|people|partners|contexts|locations|classes)"
)
CONSISTENCY = re.compile(
    rf"\b{NUM}\s+(?:out\s+)?of\s+(?:the\s+)?(?:last\s+)?{NUM}\s+(?:[\w/-]+\s+){{0,3}}?{_UNITS_OF_CONSISTENCY}\b"
    rf"|\b{NUM}\s+consecutive\s+(?:[\w-]+\s+){{0,2}}?(?:{_UNITS_OF_CONSISTENCY}|[\w-]+s)\b"
    rf"|\b(?:across|over|on|in|for|during|within)\s+(?:at\s+least\s+)?{NUM}\s+(?:[\w-]+\s+){{0,2}}?{_UNITS_OF_CONSISTENCY}\b"
    rf"|\b(?:each|every|all)\s+(?:[\w-]+\s+){{0,2}}?{_UNITS_OF_CONSISTENCY}\b"
    rf"|\b{NUM}\s+(?:[\w-]+\s+){{0,2}}?{_UNITS_OF_CONSISTENCY}\s+in\s+a\s+row\b"
    rf"|\b(?:over|across|during|within)\s+an?\s+{NUM}[- ](?:week|day|month|session)\s+(?:[\w-]+\s+)?"
    rf"(?:period|span|window)\b"
    # "x 3 sessions" (times three sessions).
    rf"|\bx\s*{NUM}\s+(?:[\w-]+\s+)?{_UNITS_OF_CONSISTENCY}\b"
    # "four days out of five", "3 sessions of 4".
    rf"|\b{NUM}\s+(?:[\w-]+\s+)?{_UNITS_OF_CONSISTENCY}\s+(?:out\s+)?of\s+(?:(?:the|every)\s+)?(?:last\s+)?{NUM}\b"
    # "in 8/10 trials", "on 4/5 probes".
    rf"|\b\d+\s*/\s*\d+\s+(?:[\w-]+\s+){{0,2}}?{_UNITS_OF_CONSISTENCY}\b"
)

#: "% of the time" needs the whole it is a part of (REFERENCE §5.3 and §5.8).
PERCENT_OF_TIME = re.compile(
    rf"\b(?:\d+(?:\.\d+)?|{NUM})\s*(?:%|percent)\s+of\s+(?:the\s+)?(?:time|day|school\s+day|class(?:es)?)\b"
)
OBSERVATION_WINDOW = re.compile(
    rf"\b{NUM}[- ](?:second|minute|min|hour)[- ]?(?:\w+\s+)?(?:observations?|periods?|sessions?|intervals?|samples?|"
    r"blocks?|lessons?|classes|windows?)\b|\bintervals?\b|\btime\s+sampling\b"
    r"|\bper\s+(?:\d+[- ]minute|hour|class|period|lesson)\b"
)
#: A percentage, in digits or words ("80%", "80 percent", "eighty percent").
PERCENT = re.compile(rf"\b(\d+(?:\.\d+)?|{NUM})\s*(%|percent)")
#: Percentages that are rates of errors (disfluencies) count without a consistency clause.
PERCENT_RATE = re.compile(
    r"(?:no\s+more\s+than|fewer\s+than|less\s+than|at\s+most|below|under|≤)\s+\d+(?:\.\d+)?\s*(?:%|percent)"
    r"|(?<![\d.])\d+(?:\.\d+)?\s*(?:%|percent)\s+(?:or\s+(?:fewer|less)\s+)?(?:\w+\s+)?(?:disfluen\w*|stutter\w*|syllables|errors|absences|tardies)"
)

#: Rate, count and duration criteria (they need no consistency clause).
_COUNTED = (
    r"(?:correct\s+)?(?:words?|digits?|letters?|letter\s+sounds|sounds|(?:correct\s+)?letter\s+sequences|"
    r"(?:correct\s+)?word\s+sequences|cls|cws|wcpm|wpm|dcpm|selections|problems|questions|items|facts|steps|morphemes|"
    r"times|initiations|exchanges|turns|strategies|applications|errors|mistakes|sentences|elements|details|points|"
    r"responses|requests|comments|questions|repetitions|reps|trials|opportunities|feet|inches|meters|yards|laps|"
    r"syllables|utterances|minutes|seconds|hours|mins?|secs?|hrs?|pages|books|lines|paragraphs|answers|objects|coins|prompts?|"
    r"miles?|blocks|flights|dollars|cents|"
    r"cues?|reminders?|referrals|incidents|outbursts|call-?outs|interruptions|refusals|tasks|assignments|"
    r"activities|phonemes|blends|sight\s+words|vocabulary\s+words|spelling\s+words|story\s+elements)"
)
COUNT_CRITERION = re.compile(
    rf"\b{NUM}\s+(?:out\s+)?of\s+{NUM}\b"
    rf"|\b{NUM}\s+(?:or\s+(?:more|fewer|less|higher|better)\s+)?(?:[\w-]+\s+){{0,3}}?{_COUNTED}\b"
    rf"(?:\s+(?:correct\s+)?(?:per|a|an|each)\s+(?:minute|hour|day|week|session|recess|period|class|lesson)\b"
    rf"|\s+in\s+(?:{NUM}|a|an)\s+(?:minutes?|seconds?)\b)?"
    rf"|\b(?:at\s+least|no\s+more\s+than|fewer\s+than|less\s+than|a\s+minimum\s+of|a\s+maximum\s+of|"
    rf"within|under|averaging|all)\s+{NUM}\b(?:\s+(?:minutes?|seconds?|hours?))?"
    rf"|\b(?:zero|no)\s+(?:[\w-]+\s+){{0,2}}?(?:referrals|incidents|errors|prompts?|outbursts|absences|tardies|"
    rf"refusals|reminders?|cues?|mistakes|instances|occurrences|episodes)\b"
    rf"|\bper\s+(?:minute|hour|day|week|recess|session|lesson|class|period)\b"
    rf"|\b(?:score|rating|level)\s+of\s+{NUM}\b|\b{NUM}\s+on\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:rubric|scale)\b"
    rf"|\b{NUM}-point\s+(?:[\w-]+\s+){{0,3}}?(?:rubric|scale)\b|\b{NUM}\s+(?:correct(?:ly)?|accurately)\b"
    # "scoring 3 or higher on a 4-point district writing rubric".
    rf"|\b{NUM}\s+(?:or\s+(?:higher|better|above|more)\s+)?on\s+(?:a|an|the|each)\s+(?:[\w-]+\s+){{0,4}}?"
    rf"(?:rubric|scale)\b"
    # Language measures: "an MLU of 4.0 morphemes", "a mean length of utterance of at least 3.5".
    rf"|\b(?:mlu|mean\s+length\s+of\s+utterance)\s+(?:of\s+)?(?:at\s+least\s+)?{NUM}"
    # "list 3 careers", "name at least 4 jobs": how many things the child produces.
    rf"|\b(?:list|lists|name|names|identify|identifies|state|states|give|gives|generate|generates|research\s+and\s+list)\s+"
    rf"(?:at\s+least\s+)?{NUM}\s+(?:[\w-]+\s+){{0,2}}?[a-z]+s\b"
    rf"|\bat\s+least\s+(?:once|twice)\b"
    # "twice daily", "once per class period", "3 times a week".
    rf"|\b(?:once|twice|{NUM}\s+times)\s+(?:daily|weekly|hourly|a\s+(?:day|week)|per\s+\w+|each\s+\w+|every\s+\w+)\b"
    # Durations: "for one hour", "for half an hour", "for a full 30-minute class period".
    rf"|\bfor\s+(?:(?:a|an|the)\s+)?(?:full\s+|whole\s+|entire\s+)?(?:{NUM}|half\s+an|an|a\s+half)"
    rf"[- ](?:seconds?|minutes?|hours?)\b"
)
#: A rate: "30 words in one minute", "25 correct digits in 2 minutes", "40 words a minute".
RATE = re.compile(
    rf"\b{NUM}\s+(?:[\w-]+\s+){{0,3}}?{_COUNTED}\s+(?:correct(?:ly)?\s+)?(?:per|in|a|an|each)\s+"
    rf"(?:(?:{NUM}|a|an|one)\s+)?(?:minutes?|seconds?|mins?)\b"
)
#: A rubric or scale score, wherever it is written ("as measured by a score of 3 out of 4 or better on a rubric",
#: "scoring 3 or higher on a 4-point rubric", "a rubric score of 10 of 12").
RUBRIC_SCORE = re.compile(
    rf"\b(?:rubric\s+)?scor(?:e|es|ing)\s+(?:an?\s+)?(?:(?:weekly|daily|monthly|average|mean)\s+)*(?:of\s+)?(?:at\s+least\s+)?(?:an?\s+)?{NUM}(?:\s+(?:out\s+)?of\s+{NUM})?"
    rf"(?:\s+or\s+(?:better|higher|above|more))?(?:\s+on\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:rubric|scale))?"
)
#: Life after high school, said without the usual words ("while attending community college", "after
#: college", "in the future", "someday", "earn a certificate", "have a career").
ADULT_LIFE = re.compile(
    r"\bwhile\s+(?:attending|enrolled\s+in|in)\s+(?:a\s+)?(?:community\s+|technical\s+|four-year\s+)?(?:college|university)\b"
    r"|\bafter\s+college\b|\bin\s+the\s+future\b|\bsome\s?day\b|\bone\s+day\b"
    r"|\b(?:earn|obtain|receive)\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:degree|certificate|certification|"
    r"license|licence|credential)\b"
    r"|\bhave\s+a\s+career\b|\b(?:get|find)\s+a\s+(?:good\s+|full-time\s+|part-time\s+)?job\b"
)
FROM_TO = re.compile(
    rf"\bfrom\s+(?:an?\s+(?:baseline|current|present|starting|average|mean|median|level)(?:\s+(?:level|rate|score|average))?"
    rf"\s+(?:of\s+)?)?(?P<base>{NUM}(?:\s*%)?(?:\s*/\s*\d+)?(?:\s+(?:out\s+)?of\s+{NUM})?)"
    rf"(?:\s+[\w/-]+){{0,8}}?\s+to\s+(?P<target>{NUM}(?:\s*%)?(?:\s*/\s*\d+)?(?:\s+(?:out\s+)?of\s+{NUM})?)"
)
BASELINE = re.compile(
    # A baseline promised for later ("baseline data will be collected", "baseline TBD") is not one.
    rf"\bbaseline\b(?!\s*(?:data\s+)?(?:[:=-]\s*)?(?:will|to\s+be|tbd|t\.b\.d|is\s+pending|pending|not\s+yet|none|not\s+available|"
    rf"n/a|unknown|has\s+not|needs?\s+to)\b)"
    rf"|\bup\s+from\s+{NUM}|\bdown\s+from\s+{NUM}"
    # A starting word, then a number within a few words: "Currently, Alex reads 4 of 10", "PLAAFP: 3 of 10",
    # "pre-test score of 4/10", "(BL: 2/10)", "last measured at 30%", "(fall benchmark: 4 of 10)",
    # "as of September 2026, 3 of 10" (a year is not the level).
    rf"|\b(?:currently|presently|at\s+present|as\s+of|plaafp|plop|plep|pre-?test(?:\s+score)?|last\s+measured|"
    rf"initial\s+(?:probe|score|assessment|screening|level)|(?:fall|winter|spring|beginning[- ]of[- ]year|boy)\s+"
    rf"(?:benchmark|screening|score|probe)|(?:current|bl)(?=\s*[:=]))"
    rf"(?:\s*[:=,]|\s+(?:is|was|at|of))?\s+(?:[\w'/-]+,?\s+){{0,4}}?(?!\d{{4}}\b){NUM}"
    # "he scored 30% on the pretest", "she reads 42 wcpm", "he averages 6 per day": the child's level now.
    rf"|\b(?:he|she|they)\s+(?:currently\s+|presently\s+|now\s+)?(?:scored|averaged|earned|achieved|completed|wrote|"
    rf"read|spelled|answered|solved|produced|demonstrated|was|averages|scores|reads|writes|completes|answers|solves|"
    rf"produces|spells|is\s+at|performs\s+at|is\s+performing\s+at)\s+(?:[\w'/-]+,?\s+){{0,4}}?(?!\d{{4}}\b){NUM}"
    # "in September he read 4 of 10": a month and a past-tense verb before a number.
    rf"|\b(?:in|during)\s+{MONTHS}(?:\s+\d{{4}})?,?\s+(?:[\w'-]+\s+){{0,2}}?(?:\w+ed|read|wrote|was|were|had|"
    rf"got|did|made|spelt|spoke|took)\s+(?:[\w'-]+\s+){{0,3}}?(?!\d{{4}}\b){NUM}"
    rf"|\bfrom\s+(?:an?\s+|(?:his|her|their)\s+)?(?:current|present|starting|initial)\b"
    rf"|\b(?:current|present|starting|initial)\s+(?:level|rate|score|average|performance|accuracy|mean|median)"
    rf"(?:\s+\w+)?(?:\s+(?:is|was|of|at)|\s*[:=])?\s+(?:about\s+|approximately\s+|an\s+average\s+of\s+)?{NUM}"
    rf"|\b(?:increasing|improving|rising|growing|moving|progressing|advancing|decreasing|declining|dropping|"
    rf"falling|reducing|increase|improvement|gain|growth|decrease|reduction|change)\s+from\s+(?:an?\s+)?(?:[\w-]+\s+){{0,2}}?{NUM}"
    rf"|\bpresent\s+level\s+(?:of|is)\s+{NUM}"
    rf"|\bcompared\s+(?:to|with)\s+(?:a\s+)?(?:current|present)\b"
)

#: A calendar date in the forms IEPs use: "June 30th, 2027", "June of 2027", "the 30th of May, 2027",
#: "30 May 2027", "5/30/27", "5-30-27", "5.30.27", "6/2027", "2027-05-30".
_DATE = (
    rf"{MONTHS}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(?:of\s+)?\d{{4}})?\b"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}(?:,?\s+\d{{4}})?\b"
    r"|\d{1,2}(?P<sep>[/.-])\d{1,2}(?P=sep)\d{2,4}\b|\d{1,2}/\d{1,2}\b|\d{1,2}/\d{4}\b|\d{4}-\d{2}-\d{2}\b"
)

#: Timeframes (REFERENCE §5.8): a date or period by which the goal is met.
TIMEFRAME = re.compile(
    rf"\bby\s+(?:the\s+end\s+of\s+)?{MONTHS}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?\b"
    rf"|\bby\s+\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b|\bby\s+\d{{1,2}}/\d{{4}}\b|\bby\s+\d{{4}}-\d{{2}}-\d{{2}}\b"
    rf"|\bby\s*(?:\[[^\]]{{0,40}}\]|_{{2,}}|\((?:[\w-]+\s+){{0,3}}?date\)|<date>|\{{date\}})"
    # Blank slots in district templates: "By date,", "By xx date", "By xx/xx/xxxx", "In ____ instructional weeks".
    rf"|\bby\s+(?:xx+\s+)?date\b|\bby\s+x+(?:/x+){{1,2}}\b|\bby\s+xx\b"
    rf"|\b(?:in|within)\s+_{{2,}}\s*(?:instructional\s+|school\s+)?(?:weeks|months|days)\b"
    # Form fields: "Target date: 06/12/2027", "End Date: …", "Anticipated completion date: May 2027".
    rf"|\b(?:target|end|completion|mastery|anticipated|projected|goal|due|ending)(?:\s+(?:completion|mastery|end))?"
    rf"\s+date\s*:\s*(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|\d{{4}}-\d{{2}}-\d{{2}}\b|\d{{1,2}}/\d{{4}}\b|"
    rf"{MONTHS}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?\b|\d{{4}}\b)"
    # "within the first grading period", "during her junior year".
    rf"|\bwithin\s+the\s+{ORDINAL}\s+{PERIOD}\b"
    rf"|\b(?:during|in|by\s+the\s+end\s+of)\s+(?:(?:his|her|their|the)\s+)?(?:freshman|sophomore|junior|senior)\s+year\b"
    rf"|\bat\s+the\s+end\s+of\s+the\s+(?:academic|school|instructional)\s+(?:session|term|year)\b"
    rf"|\bby\s+(?:the\s+)?(?:next\s+|annual\s+|his\s+|her\s+|their\s+)*(?:annual\s+)?(?:iep\s+)?(?:annual\s+)?review\b"
    rf"|\bby\s+(?:the\s+)?(?:end|close|completion)\s+of\s+(?:the\s+|this\s+|his\s+|her\s+|their\s+|next\s+)?"
    rf"(?:\d{{4}}(?:\s*[-–/]\s*\d{{2,4}})?\s+)?(?:{SEASON}\s+(?:\d{{4}}\s+)?)?(?:{ORDINAL}\s+)?"
    rf"(?:{NUM}[- ](?:week|month)\s+)?"
    rf"(?:iep|{PERIOD}|grade|\w+\s+grade|school|iep\s+(?:year|period|term)|"
    rf"(?:current\s+)?iep\s+cycle|academic\s+year|plan\s+year)\b"
    rf"|\bby\s+(?:the\s+)?(?:spring|fall|autumn|winter|summer)(?:\s+of)?(?:\s+\d{{4}})?\b"
    rf"|\bby\s+\d{{4}}\b"
    rf"|\b(?:within|in|over)\s+(?:the\s+next\s+)?(?:{NUM}|a|one)\s+(?:instructional\s+|school\s+|calendar\s+|academic\s+)?"
    rf"(?:weeks|months|year|years|school\s+year)\b(?!\s+(?:of|after)\s+(?:graduat|leaving|exiting|completing|high\s+school))"
    rf"|\bwithin\s+(?:the|this)\s+(?:iep|school|calendar|academic)\s+year\b"
    rf"|\b(?:during|by|in|before|at\s+the\s+end\s+of)\s+the\s+{ORDINAL}\s+{PERIOD}\b"
    rf"|\b(?:by|before)\s+(?:the\s+)?(?:next|annual)\s+iep\b|\bthis\s+(?:iep|school|calendar|academic)?\s*year\b"
    # "by the IEP anniversary date", "by the 2027 annual review", "by the conclusion of this IEP"
    rf"|\bby\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:\d{{4}}\s+)?(?:iep\s+)?(?:anniversary|annual\s+review)(?:\s+date)?\b"
    rf"|\bby\s+(?:the\s+)?conclusion\s+of\s+(?:the\s+|this\s+)?(?:iep|{PERIOD})\b"
    # "over the course of the IEP", "within the 2026-27 IEP year", "throughout the school year"
    rf"|\b(?:over|during|throughout|within)\s+the\s+(?:course|duration|life)\s+of\s+(?:the|this|his|her|their)\s+iep\b"
    rf"|\b(?:within|during|throughout|over)\s+the\s+(?:\d{{4}}\s*[-–/]\s*\d{{2,4}}\s+)?(?:iep|school|academic)\s+year\b"
    # Deadline words other than "by": "no later than June 1, 2027", "on or before 5/30/27", "before June 2027".
    rf"|\b(?:no\s+later\s+than|on\s+or\s+before|before|prior\s+to|by)\s+(?:{_DATE})"
    # "by the 2027 annual IEP review", "before the next annual review", "by the time of the annual review".
    rf"|\b(?:by|before|prior\s+to)\s+(?:the\s+time\s+of\s+)?(?:the\s+|his\s+|her\s+|their\s+)?"
    rf"(?:(?:next|\d{{4}}|annual|iep)\s+)+(?:review|meeting|iep)\b"
    # The end of a named span: "at the end of the school year", "by the end of the current IEP",
    # "by the expiration of this IEP", "by the end of kindergarten", "by the end of 36 instructional weeks".
    rf"|\b(?:by|at|before)\s+(?:the\s+)?(?:end|close|completion|conclusion|expiration)\s+(?:date\s+)?of\s+"
    rf"(?:(?:the|this|his|her|their|next|current)\s+)*(?:\d{{4}}\s*[-/]\s*\d{{2,4}}\s+)?"
    rf"(?:(?:{ORDINAL}|{SEASON}|calendar|academic|fiscal|annual|\d{{4}})\s+)*"
    rf"(?:iep|{PERIOD}|grade|kindergarten|pre-?k|preschool|extended\s+school\s+year|esy|\w+\s+grade|"
    rf"sy\s*\d{{2,4}}(?:\s*-\s*\d{{2,4}})?|(?:freshman|sophomore|junior|senior)\s+year|"
    rf"{NUM}\s+(?:instructional\s+|school\s+|calendar\s+)?(?:weeks|months))\b"
    # "by the IEP end date", "by the end date of this IEP", "by the IEP expiration date".
    rf"|\b(?:by|before|on)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:iep\s+)?(?:end|expiration|review|due)\s+date\b"
    # The life of the IEP: "within this IEP period", "throughout this IEP", "for the duration of this IEP"
    # (not "during the IEP meeting").
    r"|\b(?:within|during|throughout|over|for)\s+(?:the\s+duration\s+of\s+)?(?:the|this|his|her|their)\s+"
    r"(?:(?:current|annual)\s+)?iep\b(?!\s+(?:meeting|team|conference))"
    r"|\bat\s+(?:the|his|her|their)\s+(?:next\s+)?(?:annual\s+)?(?:iep\s+)?(?:annual\s+)?review\b"
    r"|\b(?:within|in|over|during|throughout)\s+the\s+(?:next|coming|following)\s+(?:school\s+|academic\s+|calendar\s+|"
    r"iep\s+)?year\b"
    # "by week 36", "within 180 school days", "by mid-year", "by the middle of the school year".
    r"|\bby\s+(?:instructional\s+)?week\s+\d+\b|\b(?:within|in)\s+\d{2,3}\s+(?:instructional|school)\s+days\b"
    r"|\bby\s+(?:the\s+)?(?:mid-?year|mid-?(?:semester|term)|middle\s+of\s+the\s+(?:school\s+|iep\s+|academic\s+)?"
    r"(?:year|semester|term))\b"
    # "one year from now", "12 months from the start of the IEP", "by IEP renewal", "by the following IEP",
    # "before the IEP expires", "by his annual", "by year's end", "by EOY", "by the end of Q3 / S1 / MP2 / T2".
    rf"|\b(?:{NUM}|a|one)\s+(?:calendar\s+|school\s+)?(?:years?|months)\s+from\s+(?:now|today|the\s+(?:iep|start|date|"
    rf"beginning|initiation))"
    r"|\b(?:by|before)\s+(?:the\s+)?(?:(?:next|following|subsequent|annual|his|her|their)\s+)*(?:iep\s+)?"
    r"(?:renewal|reevaluation|re-evaluation|annual|iep)(?:\s+(?:date|meeting|review))?\b(?!\s+(?:team|goals?))"
    r"|\b(?:by|before)\s+the\s+(?:three|3)-year\s+re-?evaluation\b"
    r"|\b(?:before|by\s+the\s+time)\s+(?:the|this|his|her|their)\s+iep\s+(?:expires|ends|is\s+reviewed)\b"
    r"|\bby\s+(?:the\s+)?(?:year's\s+end|eoy|end\s+of\s+year)\b"
    r"|\bby\s+the\s+end\s+of\s+(?:q[1-4]|s[12]|mp[1-6]|t[1-3])\b"
    # "after 36 weeks of instruction".
    rf"|\bafter\s+{NUM}\s+(?:instructional\s+|school\s+)?weeks\s+of\s+(?:specially\s+designed\s+)?"
    rf"(?:instruction|intervention|services|therapy)\b"
)

#: A mastery window is not a timeframe ("for 4 consecutive weeks").
MASTERY_WINDOW = re.compile(
    rf"\b(?:for|over|across|during)\s+{NUM}\s+(?:consecutive\s+)?(?:weeks|days|sessions|months|school\s+days|probes|trials)\b"
)

#: Postsecondary (transition) timeframes: after high school.
POSTSECONDARY_TIME = re.compile(
    # "while attending community college", "after college": only after high school.
    r"\bwhile\s+(?:attending|enrolled\s+in|in)\s+(?:a\s+)?(?:community\s+|technical\s+|four-year\s+)?(?:college|university)\b"
    r"|\bafter\s+college\b|"
    r"\b(?:after|upon|following|once)\s+(?:(?:he|she|they)\s+)?(?:graduat\w*|leav\w*\s+(?:high\s+)?school|exit\w*|"
    r"(?:the\s+)?complet\w*\s+(?:of\s+)?(?:high\s+)?school|high\s+school|(?:his|her|their)\s+graduation|"
    r"secondary\s+school|school\s+exit|exiting\s+(?:high\s+)?school|aging\s+out)"
    r"|\bwithin\s+(?:\w+\s+){1,3}(?:of|after)\s+(?:graduat\w*|leaving|exiting|completing|high\s+school)"
    r"|\bpost-?secondary\b|\bafter\s+(?:\w+\s+)?(?:exiting|leaving)\s+school"
    # "after receiving his diploma", "upon leaving the school system", "after he turns 22 and exits school",
    # "after his senior year", "following completion of his transition program".
    r"|\b(?:after|upon|following|once)\s+(?:(?:he|she|they)\s+)?(?:receiv\w*|earn\w*|obtain\w*|get\w*)\s+"
    r"(?:(?:his|her|their|a)\s+)?(?:high\s+school\s+)?diploma"
    r"|\b(?:leav\w*|exit\w*)\s+(?:the\s+)?(?:public\s+)?school\s+(?:system|district)"
    r"|\b(?:after|once|when)\s+(?:[\w-]+\s+){0,5}?(?:exits?|leaves?|graduates?|finishes)\s+(?:from\s+)?(?:high\s+)?school\b"
    r"|\b(?:after|following)\s+(?:his|her|their)\s+senior\s+year\b"
    r"|\b(?:after|upon|following)\s+(?:the\s+)?(?:complet\w*|exit\w*|leav\w*)\s+(?:of\s+)?(?:his|her|their|the)\s+"
    r"(?:[\w-]+\s+)?transition\s+program"
)
POSTSECONDARY_OUTCOME = re.compile(
    r"\b(?:enroll\w*|be\s+enrolled|attend)\s+(?:in\s+|at\s+)?(?:a\s+|an\s+|the\s+)?(?:[\w.-]+\s+){0,4}?"
    r"(?:college|university|program|course|trade\s+school|vocational|technical|apprenticeship|academy|institute)\b"
    r"|\bbe\s+(?:competitively\s+)?employed\b|\b(?:competitive|supported)\s+(?:integrated\s+)?employment\b"
    r"|\blive\s+independently\b|\blive\s+in\s+(?:an?|his|her|their)\s+(?:own\s+)?(?:apartment|home|house)\b"
)

#: Materials, devices and supports a goal can name as its givens.
TOOLS = (
    r"(?:calculator|checklist|organizer|schedule|timer|chart|device|menu|list|model|template|word\s+bank|manipulatives|"
    r"number\s+line|visual|support|supports|scribe|text-to-speech|speech-to-text|keyboard|laptop|tablet|app|planner|"
    r"graphic\s+organizer|reader|peer|walker|wheelchair|cane|crutches|gait\s+trainer|brace|orthotics?|hearing\s+aids?|"
    r"aac|communication\s+(?:device|board|book)|slant\s+board|pencil\s+grip|grip|scissors|"
    r"picture\s+(?:cards?|schedule|symbols?)|task\s+analysis|social\s+story|token\s+board|break\s+card|"
    r"headphones|fidget|handrail|railing|agenda|binder|folder|visual\s+(?:cue|schedule|timer)|software|program|"
    r"frames?|board|spoon|fork|cup|utensils?|clock|watch|ruler|coins|money|pictures?|cards?|symbols|icons|"
    r"visuals|switch|counters|starters?|prompts?|cues?|reminders?|models?|manipulatives|highlighter|"
    r"glasses|magnifier|splint|stander|trainer|bench|mat|ramp)"
)
#: Places and routines a goal names as its setting.
SETTINGS = (
    r"(?:settings?|environments?|classrooms?|rooms?|placements?|outings?|playground|desk|table|bus|van|cafeteria|"
    r"gym|gymnasium|library|hallways?|lunchroom|kitchen|community|home|store|site|workplace|worksite|campus|session|"
    r"office|restroom|bathroom|lockers?|activities|centers|stations|lessons?|classes|sessions|assembl(?:y|ies)|"
    r"field\s+trips?|therapy|recess|lunch|breakfast|snack|meetings?|groups?|routines?|specials|"
    r"instruction|seatwork|play|games?|business(?:es)?|routes?|restaurants?|stores|sites|locations|venues|"
    r"facilit(?:y|ies)|shops?|malls?|parks?|pools?|activity)"
)
#: Words between a preposition and a setting (not a count: "in 4 of 5 activities" is a criterion).
_SETTING_WORDS = r"(?:(?!\d+\s|(?:of|out|consecutive|last|each|every|per)\b)[\w':/-]+\s+){0,4}?"
#: Words that open a condition (givens).
CONDITION = re.compile(
    r"\bgiven\b|\bwhen\s+(?:given|presented|provided|shown|asked|told|offered|prompted|reading|writing|copying|typing|"
    r"working|playing|frustrated|upset|angry|anxious|transitioning|greeted|approached|he|she|they|a|an|the|in|at|"
    r"faced|it\s+is|arriving|entering|leaving|using|[a-z]+ed|[a-z]{3,}ing|his|her|their|other|peers?|adults?|"
    r"staff|someone)\b"
    # "if he becomes upset", "if frustrated", "in the presence of peers".
    r"|\bif\s+(?:he|she|they|[a-z]+ed|upset|angry|anxious|given|asked|a|an|the)\b|\bin\s+the\s+presence\s+of\b"
    # Routines and places named without an article: "before lunch", "at school", "on the job", "in line", "in PE".
    r"|\b(?:before|after)\s+(?:lunch|recess|school|class|dismissal|arrival|breakfast|snack|specials|leaving|"
    r"entering|transitioning)\b|\bat\s+(?:school|work)\b|\bon\s+the\s+job\b|\bin\s+line\b"
    r"|\bin\s+(?:pe|p\.e\.|gym|art|music|band|chorus|choir|homeroom|advisory|study\s+hall)\b"
    r"|\bprovided\s+(?:with\b|(?:a|an|the)\s|(?:[\w-]+\s+)?(?:supports?|visuals?|cues?|prompts?|models?|access)\b)"
    r"|\bwith\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+)?(?:workload|distractions|breaks|wait\s+time|"
    r"(?:\w+\s+)?read\s+aloud)\b"
    # Any "when"/"whenever" clause names the situation ("when routines change"), as do "each time he enters",
    # "as soon as he arrives", "once seated", "each morning", "throughout the school day", "in all subject areas".
    r"|\bwhen(?:ever)?\s+(?!appropriate\b|possible\b|necessary\b|needed\b)[a-z]"
    r"|\b(?:each\s+time|every\s+time|as\s+soon\s+as|once)\s+(?:he|she|they|[a-z]+ed)\b"
    r"|\b(?:each|every)\s+(?:morning|afternoon|evening)\b|\bthroughout\s+the\s+(?:school\s+)?day\b"
    r"|\b(?:across|in)\s+(?:all\s+)?(?:the\s+)?(?:(?:subject|academic|content)[\s-]areas?|curriculum)\b"
    # The work the task is done on: "on all written assignments", "on teacher-made tests", "on homework".
    r"|(?<!turn\s)(?<!hand\s)(?<!turned\s)(?<!turns\s)(?<!hands\s)"
    r"\b(?:on|for|in)\s+(?:(?:all|his|her|their)\s+)?(?:(?!\d|of\b|out\b|consecutive\b)[\w-]+\s+){0,2}?"
    r"(?:assignments|homework|tests|quizzes|worksheets|texts?)\b"
    r"|\bwith\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?(?:passages?|texts?|sentence\s+strips)\b"
    r"|\bon\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+)?(?:ipad|chromebook|computer|tablet|laptop|device|keyboard|"
    r"whiteboard|smartboard|phone)\b"
    r"|\bduring\s+(?!the\s+(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final|next)\s+(?:quarter|semester|trimester|"
    r"grading|marking|term))(?!(?:the\s+)?(?:\w+\s+)?(?:consecutive\s+)?(?:weeks|days|sessions|trials|probes|months|school\s+days|"
    r"observations)\b)"
    # "using a number line" names a given; "using correct grammar rules" or "using reading strategies" names
    # what the child should know, not something handed to the child.
    r"|\busing\b(?!\s+(?:[\w-]+\s+){0,3}?(?:rules|strategies|skills|conventions|knowledge|techniques)\b)"
    r"|\b(?:with|through|by)\s+(?:the\s+)?(?:use|help|support|aid|assistance)\s+of\b"
    r"|\bwith\s+(?:(?:no|minimal|moderate|maximum|one|two|a\s+single|visual|verbal|gestural|physical|adult|teacher|peer|"
    r"partial|fading|faded)\s+)+(?:\w+\s+)?(?:prompts?|prompting|support|supports|cues?|cueing|assistance|reminders?|models?|modeling)\b"
    rf"|\b(?:with|using)\s+(?:a|an|the|his|her|their)\s+(?:[\w/-]+[\s-]+){{0,2}}?{TOOLS}\b"
    # "will use a visual timer to start work": the tool is a given for another action.
    rf"|\buses?\s+(?:a|an|the|his|her|their)\s+(?:[\w/-]+[\s-]+){{0,2}}?{TOOLS}\s+to\s+\w+"
    r"|\bin\s+(?:a|an|the)\s+(?:\w+[\s-]+){0,2}?(?:group|game|setting|classroom|gym|cafeteria|hallway|conversation|"
    r"lesson|activity|session|environment|community|store|job\s+site|kitchen|lunchroom|playground|library|bus)\b"
    r"|\bat\s+(?:lunch|recess|dismissal|arrival|the\s+(?:start|beginning|end)\s+of)\b"
    r"|\bafter\s+(?:reading|listening|hearing|watching|being|highlighting|underlining|previewing|rereading|reviewing|"
    r"tracing|practicing|practising|completing|using)\b|\bwhile\s+\w+ing\b"
    # Givens written after the verb: "a third-grade text he has read", "a passage read aloud to her",
    # "a story presented orally", and a support level ("independently").
    r"|\b(?:texts?|passages?|stor(?:y|ies)|books?|articles?|selections?|poems?)\s+(?:that\s+)?(?:he|she|they)\s+"
    r"(?:has|have|had)\s+(?:just\s+)?(?:read|heard|listened\s+to)\b"
    r"|\b(?:read\s+aloud|presented\s+orally|read)\s+to\s+(?:him|her|them)\b"
    r"|\b(?:passages?|texts?|stor(?:y|ies)|books?|articles?)\s+(?:read\s+aloud|presented\s+orally)\b"
    r"|\bas\s+directed\b"
    # A prompt level stated before the action ("will independently pack", "to independently and accurately
    # solve"); a bare trailing "independently" is not counted (docs/goal-checker.md).
    r"|\b(?:will|to)\s+(?:be\s+able\s+to\s+)?independently\s+(?:and\s+[a-z]+ly\s+)?[a-z]+"
    # The material worked on, named after the verb: "read grade-level text orally", "a third-grade text",
    # "of a short story", "of an informational text", and the level of speech ("in words, phrases, sentences").
    r"|\b(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth)[\s-]grade"
    r"(?:[\s-]level)?)\s+(?:[\w-]+\s+)?(?:texts?|passages?|stor(?:y|ies)|books?|materials?|word\s+lists?|problems)\b"
    r"|\b(?:of|about|from)\s+(?:a|an)\s+(?:short|informational|narrative|fictional|fiction|nonfiction|non-fiction|"
    r"expository|unfamiliar|familiar|decodable|leveled|levelled|grade-level|persuasive)\s+(?:texts?|stor(?:y|ies)|"
    r"passages?|books?|articles?)\b"
    r"|\bin\s+\(?(?:single\s+|isolated\s+)?(?:words|syllables|phrases|sentences|isolation|connected\s+speech)\b"
    r"(?:\s*,?\s*(?:and\s+)?(?:words|phrases|sentences|conversation))*"
    r"|\bwithout\s+(?:excessive|additional|extra|further)\s+(?:prompts?|prompting|assistance|help|cues?|reminders?)\b"
    r"|\bupon\s+(?:completion\s+of|completing|finishing|receiving|reviewing)\b"
    r"|\b(?:on|from)\s+(?:a|an)\s+(?:\w+[\s-]+){0,4}?(?:worksheet|passage|probe|list|prompt|task|assignment|board)\b"
    r"|\bupon\s+(?:request|arrival|entering|a\s+(?:verbal|visual|teacher))\b|\bwhen\s+\w+\s+(?:wants|needs|is|are)\b"
    r"|\b(?:across|in)\s+(?:all\s+)?(?:school\s+)?settings\b|\bin\s+(?:math|reading|science|social\s+studies|"
    r"writing|ela|english|general\s+education)\s+(?:class|classes)\b|\bin\s+(?:small|large)[\s-]group\b"
    r"|\bin\s+(?:a\s+)?(?:[\w-]+\s+)?conversations?(?:al)?\b"
    r"|\bwith\s+(?:[\w-]+\s+)?(?:manipulatives|counters|visual\s+supports?|picture\s+(?:cues|supports)|graphic\s+organizers|"
    r"calculators?|word\s+banks?|sentence\s+starters|visuals|models|prompts|cues|reminders|accommodations|support)\b|\bwhen\s+presented\s+with\b|\bprovided\s+with\b|\bgiven\s+access\s+to\b|\bwith\s+access\s+to\b"
    # Prompt limits ("with no more than 2 verbal prompts") and a stated support level.
    rf"|\bwith\s+(?:no\s+more\s+than|fewer\s+than|at\s+most|up\s+to|a\s+maximum\s+of|only)\s+(?:{NUM}|an?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:prompts?|cues?|reminders?|redirections?|models?|repetitions?)\b"
    r"|\bwithout\s+(?:any\s+)?(?:adult\s+|teacher\s+|staff\s+|verbal\s+|visual\s+|physical\s+|gestural\s+)*"
    r"(?:prompts?|prompting|assistance|help|cues?|cueing|reminders?|redirection)\b"
    # How the task is presented, and what it follows.
    r"|\b(?:as|when)\s+(?:dictated|read\s+aloud|presented|modeled|demonstrated)\b|\bfrom\s+dictation\b"
    rf"|\bfollowing\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{TOOLS}|recipe|pictures?|steps?)\b"
    r"|\bon\s+(?:(?!\d|each\b|all\b|every\b|one\b|two\b|three\b|four\b|five\b)[\w-]+\s+){1,4}"
    r"(?:passages|texts|stories|word\s+lists|worksheets)\b"
    r"|\b(?:following|after|upon)\s+(?:a|an|the|one|each|any)\s+(?:[\w-]+\s+){0,3}?(?:directions?|prompts?|cues?|"
    r"requests?|instructions?|models?|demonstrations?|reminders?|redirections?|signals?|warnings?|corrections?|"
    r"directives?|commands?|questions?)\b"
    # Settings: a named class, a place on or off campus.
    r"|(?<!turn\s)(?<!hand\s)\bin\s+(?:[\w-]+\s+){1,2}(?:class|classes)\b(?!\s+(?:assignments?|work|notes|materials))"
    r"|\b(?:across|around|in|on|at|through)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:campus|building|"
    r"school|hallways?|field|track|stairs|stairwell|job\s+site|worksite|work\s+site|office|store|restaurant|"
    r"bus\s+stop|crosswalk)\b"
    # Any named place or routine as a setting: "in unstructured settings", "at his job placement",
    # "on the playground", "during OT sessions", "in his general education classes" (a count such as
    # "in 4 of 5 activities" is a criterion, not a setting).
    # (After "participate", "engage", "changes" or "independent" the place is what the goal is about, not a given.)
    r"|(?<!participate\s)(?<!participates\s)(?<!engage\s)(?<!changes\s)(?<!change\s)(?<!independent\s)"
    rf"\b(?:in|at|on|across|during|throughout|within)\s+{_SETTING_WORDS}{SETTINGS}\b"
    r"(?!\s+(?:assignments?|work|notes|materials|tests?|quizz))"
    # Help and supports named by kind: "with a gestural prompt", "with 1 verbal reminder", "with standby
    # assistance", "with extended time", "with 2 or fewer prompts", "with modeling".
    r"|\bwith\s+(?:(?:an?|the|his|her|their|one|two|\d+|or|fewer|less|no|more|than)\s+)*(?:[\w-]+\s+){0,2}?"
    r"(?:prompts?|prompting|cues?|cueing|reminders?|assistance|assist|supervision|support|supports|modeling|"
    r"modelling|models?|guidance|redirections?|(?:extended|extra|additional)\s+time|seating|accommodations?)\b"
    # Materials and devices with or without an article: "with adaptive scissors", "with an analog clock".
    rf"|\b(?:with|using)\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w/-]+[\s-]+){{0,3}}?{TOOLS}\b"
    r"|\bin\s+response\s+to\b|\bfrom\s+(?:a\s+)?(?:field|array|set|choice|selection)\s+of\b"
    r"|\bwhile\s+(?:seated|standing|sitting|in|at|on)\b"
    r"|\bon\s+(?:(?!\d|each\b|all\b|every\b)[\w-]+\s+){1,3}(?:text|material|materials|probes?)\b"
    # "on grade 4 passages", "on 2nd grade reading probes", "at the 3rd-grade level".
    r"|\b(?:on|from|with|at)\s+(?:[\w-]+\s+){0,2}?(?:grade[\s-]?(?:level|\d+|k)|\d+(?:st|nd|rd|th)[\s-]grade)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:passages?|texts?|stories|materials?|probes?|word\s+lists?|worksheets?|problems|books?|"
    r"level|prompts?)\b"
)
