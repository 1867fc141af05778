"""The word lists every step's rules read: pronouns, titles and honorifics, speech and other verbs, given
names, words that are never names, the words around a speech tag, kin words.

Each set is defined once, here; the long plain lists are data, one per file in ``data/`` (one or more words a
line, ``#`` starts a comment line), read by :func:`word_list`. Where two steps need sets that look alike but
differ (the speakers step's object pronouns and the feelings step's), both are kept, each named for what it
is for, so no reading changes.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

__all__ = [
    "ABBREVIATIONS",
    "ADDRESS_WORDS",
    "ADVERB_LIKE",
    "ANT_ENT_PEOPLE",
    "BODY_PARTS",
    "CLAUSE_CONJUNCTIONS",
    "CRY_TAGS",
    "DAMPENERS",
    "DAYS",
    "DESCRIPTION_BREAKS",
    "DETERMINERS",
    "DIMINUTIVES",
    "ELDER_TITLES",
    "EMOTION_ADJECTIVES",
    "EMOTION_NOUNS",
    "EMOTION_VERBS",
    "EMOTION_VERB_IRREGULAR",
    "ENDING_VERBS",
    "EPITHETS",
    "EVALUATIVE_ADJECTIVES",
    "FELT_OBJECT_PRONOUNS",
    "FEMALE_NAMES",
    "FEMALE_NOUNS",
    "FEMALE_ROLES",
    "FIRST_PERSON",
    "GENDERED_POSTS",
    "GENERIC_ADJECTIVES",
    "HONORIFICS",
    "HUMAN_VERBS",
    "INNER_VERBS",
    "INTENSIFIERS",
    "IRREGULAR_PAST",
    "IRREGULAR_TAGS",
    "KIN",
    "KIN_MARRIED_TITLES",
    "LETTER_CLOSINGS",
    "LIGHT_VERBS",
    "LY_NAMES",
    "MALE_NAMES",
    "MALE_NOUNS",
    "MALE_ROLES",
    "MANNER_NOUNS",
    "MARRIED_TITLES",
    "MONTHS",
    "NAME_ADJECTIVES",
    "NAME_PARTICLES",
    "NOT_A_NOUN",
    "NOT_DESCRIPTION_HEADS",
    "NOT_NAMES",
    "NOT_PEOPLE",
    "NOT_SUBJECT_PRONOUNS",
    "NUMBER_WORDS",
    "OBJECT_PRONOUNS",
    "OLD_ADJECTIVES",
    "PEOPLE_NOUNS",
    "PERSON_SUFFIXES",
    "PHRASAL_SPEECH_VERBS",
    "PLACE_PREPS",
    "PLACE_WORDS",
    "PLURAL_PEOPLE",
    "PRONOUNS",
    "QUOTE_MARKS",
    "RELATIVE_PRONOUNS",
    "SECOND_PERSON",
    "SECOND_PERSON_MODERN",
    "SENTENCE_OPENERS",
    "SPEECH_NOUNS",
    "SPEECH_VERBS",
    "STATES_OF_MIND",
    "STYLE_OWNERS",
    "SUBJECT_PRONOUNS",
    "SUBJECT_WORDS",
    "SURNAME_TITLES",
    "TAG_PREPOSITIONS",
    "TARGET_PREPOSITIONS",
    "TITLE_STYLES",
    "TRAIT_NOUNS",
    "UNMARRIED_TITLES",
    "VERB_ADVERBS",
    "VERB_PARTICLES",
    "YOUNG_HEADS",
    "canonical_title",
    "ends_like_past_tense",
    "family_name_gender",
    "given_name_gender",
    "is_feeling_verb",
    "is_form_of",
    "is_given_name",
    "is_patronymic",
    "plain",
    "word_list",
]

_DATA = Path(__file__).parent / "data"


def word_list(name: str) -> frozenset[str]:
    """The words of ``data/NAME.txt``: whitespace-separated, lines starting with ``#`` left out."""
    text = (_DATA / f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


# spellings of one title: "Doctor Kemp" and "Dr. Kemp" bear the same one
_TITLE_SPELLINGS = {
    "doctor": "dr",
    "capt": "captain",
    "col": "colonel",
    "prof": "professor",
    "reverend": "rev",
    "mme": "madame",
    "madam": "madame",
    "mlle": "mademoiselle",
    "m": "monsieur",
}


def canonical_title(word: str) -> str:
    """ "Doctor", "Dr.", "dr" -> "dr": the one key a title is known by."""
    key = word.lower().rstrip(".")
    return _TITLE_SPELLINGS.get(key, key)


# honorific -> gender it implies ("he", "she" or None)
HONORIFICS: dict[str, str | None] = {
    "mr": "he",
    "mr.": "he",
    "mrs": "she",
    "mrs.": "she",
    "miss": "she",
    "ms": "she",
    "ms.": "she",
    "dr": None,
    "dr.": None,
    "doctor": None,
    "lady": "she",
    "lord": "he",
    "sir": "he",
    "madame": "she",
    "mme": "she",
    "mme.": "she",
    "madam": "she",
    "monsieur": "he",
    "m.": "he",
    "mademoiselle": "she",
    "mlle": "she",
    "mlle.": "she",
    "captain": "he",
    "capt.": "he",
    "colonel": "he",
    "col.": "he",
    "admiral": "he",
    "general": "he",
    "major": "he",
    "lieutenant": "he",
    "sergeant": "he",
    "inspector": None,
    "professor": None,
    "prof.": None,
    "rev": "he",
    "rev.": "he",
    "reverend": "he",
    "father": "he",
    "aunt": "she",
    "uncle": "he",
    "count": "he",
    "countess": "she",
    "duke": "he",
    "duchess": "she",
    "prince": "he",
    "princess": "she",
    "king": "he",
    "queen": "she",
    "dame": "she",
    "master": "he",
    "mistress": "she",
    "squire": "he",
    "judge": None,
    "cousin": None,
    "brother": "he",
    "sister": "she",
    "baron": "he",
    "baroness": "she",
    "marquis": "he",
    "marchioness": "she",
    "signor": "he",
    "signora": "she",
    "herr": "he",
    "frau": "she",
    "fraulein": "she",
    "granny": "she",
    "grandma": "she",
    "grandpa": "he",
}

# words a speaker calls the one spoken to, and the gender they tell ("Yes, sir."; "Oh, mamma, do come.")
ADDRESS_WORDS: dict[str, str] = {
    **dict.fromkeys(
        "sir, my lord, mister, my boy, my son, young man, my good man, old man, my dear fellow, old fellow, "
        "monsieur, uncle, father, papa, brother".split(", "),
        "he",
    ),
    **dict.fromkeys(
        "madam, ma'am, mademoiselle, madame, my lady, your ladyship, miss, my dear girl, young lady, my girl, "
        "aunt, mother, mamma, mama, sister, my love".split(", "),
        "she",
    ),
}

PRONOUNS: dict[str, str] = {
    "he": "he",
    "him": "he",
    "his": "he",
    "himself": "he",
    "she": "she",
    "her": "she",
    "hers": "she",
    "herself": "she",
}
FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
SECOND_PERSON = {"you", "your", "yours", "yourself", "thee", "thou", "thy"}
SUBJECT_PRONOUNS = {"he": "he", "she": "she"}
# a quote mark as a token: straight, curly, and as spaCy or old editions write it
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})

_SPEECH_BASES = (
    "say ask reply answer cry exclaim remark observe whisper shout call continue add return respond murmur "
    "mutter sigh laugh repeat retort rejoin interrupt declare insist explain protest suggest inquire enquire "
    "demand scream yell snap growl sob stammer groan urge admit agree persist pursue resume conclude gasp "
    "hiss plead announce object state mumble chuckle cry grumble whimper moan bellow roar shriek sneer "
    "venture interpose assent echo falter murmur lament correct confess affirm assure acknowledge reason "
    "stutter bark drawl pant giggle snarl squeak wail warn volunteer put observe begin go tell sing"
).split()
# tags seen in PDNC and fan fiction beyond the common ones ("offered Mr. Merriman", "she smiled"); their bare
# forms are nouns as often as verbs ("an offer", "a smile"), so only the inflected forms are speech verbs
_MORE_SPEECH_BASES = (
    "offer entreat beg implore beseech coax prompt tease mock scoff scold chide soothe console chirp purr "
    "croak grunt splutter sputter blurt snort sniff rasp wheeze lisp bawl howl screech command order caution "
    "counsel proclaim comment note muse wonder argue threaten promise vow inform instruct hazard propose "
    "opine grin smile breathe swear choke supply query corroborate assert interject pronounce interpolate "
    "explode nod think expostulate remonstrate acquiesce admit ejaculate concede mourn quaver confide reflect "
    "question thunder utter enunciate reiterate complain conjecture speculate vociferate apologize apologise "
    "intervene simper drone remind admonish rebuke chatter cackle quote blubber ramble lament plead insinuate "
    "speak"  # "Here Anne spoke--", "thus spoke Mary:"
).split()
_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "begin": ("began", "begins", "beginning"),
    "go": ("went",),
    "tell": ("told", "tells"),
    "sing": ("sang", "sings"),
    "put": ("put", "puts"),
    "beg": ("begged", "begs"),
    "nod": ("nodded", "nods"),
    "think": ("thought", "thinks"),
    "grin": ("grinned", "grins"),
    "beseech": ("besought", "beseeched", "beseeches"),
    "swear": ("swore", "swears"),
    "speak": ("spoke", "speaks"),
}


_DOUBLED = frozenset("stop grip step shrug hug snap chat drop nap pat tap sip wag skip slip trip sob admit".split())


def _forms(base: str) -> set[str]:
    if base in _IRREGULAR:
        return set(_IRREGULAR[base])
    if base in _DOUBLED:  # "stopped", "gripped"
        return {base, base + base[-1] + "ed", base + "s"}
    out = {base}
    if base.endswith("y") and base[-2] not in "aeiou":
        out |= {base[:-1] + "ied", base[:-1] + "ies"}
    elif base.endswith("e"):
        out |= {base + "d", base + "s"}
    elif base.endswith(("sh", "ch", "ss", "x", "o")):
        out |= {base + "ed", base + "es"}
    else:
        out |= {base + "ed", base + "s"}
    return out


SPEECH_VERBS: frozenset[str] = frozenset(f for b in _SPEECH_BASES for f in _forms(b)) - {
    "go",
    "put",
    "begin",
    "tell",
    "sing",
    "call",
    "return",
    "object",
    "state",
    "echo",
    "correct",
    "reason",
    "bark",
    "add",
    "continue",
    "answer",
    "cry",
    "laugh",
    "sigh",
    "say",
    "ask",
    "reply",
}
SPEECH_VERBS = SPEECH_VERBS | {"answer", "cry", "say", "ask", "reply"}  # bare forms follow "did"/"would"
SPEECH_VERBS = SPEECH_VERBS | frozenset(f for b in _MORE_SPEECH_BASES for f in _forms(b) if f != b)

# verbs a person does; a capitalised word right before one is probably a person
HUMAN_VERBS: frozenset[str] = (
    SPEECH_VERBS
    | frozenset(
        f
        for b in (
            "look smile laugh nod shake turn walk sit stand feel think know want wish hesitate sniff grin frown "
            "stare glance open close watch listen hear see take come went run hurry rise step lean kiss hug "
            "blush weep cry sigh shrug wonder remember realise realize decide try love hate like seem "
            "pause start stop sleep wake eat drink write read reach grip breathe understand laugh believe hope "
            "wait pace step shrug hug"
        ).split()
        for f in _forms(b)
    )
    | frozenset(
        "had has was is could would should might must can will did does felt thought knew saw took came went "
        "ran rose sat stood understood wrote read heard made gave got kept left began wept".split()
    )
    # past tenses of what people do that take no -ed ("The child clung to her nurse")
    | frozenset(
        "clung knelt crept slept strode fled fought sought taught brought bought held paid sold rode chose stole "
        "forgave ate drank swam spat woke swore met sent spent hid fed leapt sprang withdrew threw tore dwelt".split()
    )
)

DIMINUTIVES: dict[str, set[str]] = {
    "elizabeth": {"lizzy", "lizzie", "liz", "eliza", "beth", "betsy", "bess", "bessie", "betty", "libby"},
    "catherine": {"kitty", "kate", "cathy", "katie", "kit"},
    "katherine": {"kitty", "kate", "kathy", "katie"},
    "james": {"jim", "jimmy", "jamie", "jem"},
    "thomas": {"tom", "tommy"},
    "robert": {"bob", "bobby", "rob", "robin", "bert"},
    "william": {"bill", "billy", "will", "willy", "willie"},
    "richard": {"dick", "dickie", "rick", "richie"},
    "henry": {"harry", "hal", "hank"},
    "john": {"jack", "johnny", "jacky"},
    "frances": {"fanny", "fran"},
    "eleanor": {"nell", "nelly", "ellie"},
    "helen": {"nell", "nelly"},
    "margaret": {"meg", "peggy", "maggie", "madge", "daisy"},
    "mary": {"polly", "molly", "mamie", "minnie"},
    "sarah": {"sally", "sadie"},
    "edward": {"ted", "teddy", "ned", "ed", "eddie"},
    "charles": {"charley", "charlie", "charly", "chuck"},
    "frederick": {"fred", "freddy", "freddie"},
    "samuel": {"sam", "sammy"},
    "benjamin": {"ben", "benny"},
    "nicholas": {"nick", "nicky"},
    "anthony": {"tony"},
    "susan": {"sue", "susie", "suky"},
    "anne": {"annie", "nan", "nancy"},
    "ann": {"annie", "nan", "nancy"},
    "daniel": {"dan", "danny"},
    "joseph": {"joe", "joey"},
    "michael": {"mike", "mickey"},
    "andrew": {"andy", "drew"},
    "timothy": {"tim", "timmy"},
    "matthew": {"matt", "matty"},
    "dorothy": {"dolly", "dot", "dora"},
    "dorothea": {"dora", "dodo"},
    "jane": {"jenny", "janey"},
    "augustus": {"gus"},
    "albert": {"bertie", "al"},
    "herbert": {"bertie", "herb"},
    "alexander": {"alex", "sandy", "alec"},
    "christopher": {"chris", "kit"},
    "isabella": {"bella", "isa"},
    "isabel": {"bella"},
    "theodore": {"theo", "teddy"},
    "wilhelmina": {"mina", "minnie"},
    "louisa": {"lou", "louie"},
    "caroline": {"carrie", "caro"},
    "georgiana": {"georgie"},
    "george": {"georgie"},
    "patrick": {"pat", "paddy"},
    "patricia": {"pat", "patty"},
    "rebecca": {"becky"},
    "josephine": {"josie", "jo"},
    "lucy": {"lu"},
    "walter": {"wat", "walt"},
    "lawrence": {"larry"},
    "arthur": {"art", "artie"},
    "francis": {"frank", "frankie"},
    "agnes": {"aggie"},
    "harriet": {"hattie", "harry"},
    "matilda": {"tilly", "mattie"},
    "emily": {"emmy", "em"},
    "emma": {"emmy", "em"},
    "victoria": {"vicky", "tori"},
    "virginia": {"ginny"},
    "gilbert": {"gil"},
    "leonard": {"len", "lenny"},
    "edmund": {"ned", "ted"},
    "alfred": {"alf", "alfie", "fred"},
    "ernest": {"ernie"},
    "harold": {"harry", "hal"},
    "reginald": {"reggie", "reg"},
    "archibald": {"archie"},
    "percival": {"percy"},
    "montague": {"monty"},
    "gertrude": {"gertie"},
    "winifred": {"winnie"},
    "cecilia": {"cissy", "cissie", "cecily"},
    "theresa": {"tess", "tessa", "terry"},
    "teresa": {"tess", "tessa", "terry"},
    "penelope": {"penny"},
    "abigail": {"abby"},
    "deborah": {"debby", "deb"},
    "jennifer": {"jenny"},
}

# capitalised words that are never a character's name by themselves
NOT_NAMES: frozenset[str] = word_list("not_names")

# a name ending in one of these is a place or an institution
PLACE_WORDS: frozenset[str] = word_list("place_words")

# words before a capitalised word that mark it as a place or a thing, not a person
PLACE_PREPS = frozenset("in into near within throughout across toward towards via".split())
DETERMINERS = frozenset("the a an this that these those every each some any no another".split())

# given names whose bearers are almost always of one gender in English fiction: a prior for a character's gender
FEMALE_NAMES: frozenset[str] = word_list("female_names")
MALE_NAMES: frozenset[str] = word_list("male_names")
# the style a titled person is spoken of and to by ("his Lordship", "her Ladyship", "your Grace"), with the titles
# it answers to, a man's first where there are both; the words before a style, and the gender each tells
TITLE_STYLES: dict[str, tuple[str, ...]] = {
    "lordship": ("lord",),
    "ladyship": ("lady",),
    "grace": ("duke", "duchess"),
    "majesty": ("king", "queen", "emperor", "empress"),
    "highness": (),
    "excellency": (),
    "honour": (),
    "honor": (),
    "worship": (),
    "eminence": (),
}
STYLE_OWNERS: dict[str, str | None] = {"his": "he", "her": "she", "your": None, "their": None}
# a Russian patronymic, as the English translations spell it: Petrovitch, Andréevich, Alexandrovna
_PATRONYMIC = re.compile(r"..(?:ovitch|evitch|ovich|evich|ovna|evna|ichna|itchna)$")
_FEMALE_PATRONYMIC = ("ovna", "evna", "ichna", "itchna")
# a Russian or Polish family name, whose ending tells the bearer's gender: Denísov, Bolkónski, Orloff, Razumihin
# (he); Rostóva, Drubetskáya, Kurágina (she). English given names that end so are on the name lists, which it
# never reads (Martin, Christina), or mostly of the gender the ending says (Justin, Georgina)
_FAMILY_HE = re.compile(r"...(?:ov|ev|off|eff|ski|sky|in)$")
_FAMILY_SHE = re.compile(r"...(?:ova|eva|skaya|skaia|ina)$")


def plain(word: str) -> str:
    """A word in lower case without its accents, as the name lists spell it: "Borís" is "boris"."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def is_given_name(word: str) -> bool:
    """``word`` is a given name of the lists ("Edna", "Natásha"), whatever its gender."""
    w = plain(word)
    return w in FEMALE_NAMES or w in MALE_NAMES


def is_patronymic(word: str) -> bool:
    """ "Petrovitch", "Andréevich", "Alexandrovna": a Russian patronymic, as the English translations spell it."""
    return bool(_PATRONYMIC.search(plain(word)))


def given_name_gender(word: str) -> str | None:
    """ "she" for a woman's given name ("Gladys", "Natásha"), "he" for a man's ("Leonard", "Pyotr"), else
    None; a patronymic tells too ("Ivanovna" she, "Petrovitch" he)."""
    w = plain(word)
    if w in FEMALE_NAMES:
        return "she"
    if w in MALE_NAMES:
        return "he"
    if _PATRONYMIC.search(w):
        return "she" if w.endswith(_FEMALE_PATRONYMIC) else "he"
    return None


def family_name_gender(word: str) -> str | None:
    """ "he" for a Russian or Polish family name of a man ("Denísov", "Bolkónski"), "she" for a woman's
    ("Rostóva"), else None: by the endings above, and never for a given name of the lists."""
    w = plain(word)
    if w in FEMALE_NAMES or w in MALE_NAMES or not w.isalpha():
        return None
    if _FAMILY_SHE.search(w):
        return "she"
    if _FAMILY_HE.search(w):
        return "he"
    return None


def ends_like_past_tense(word: str) -> bool:
    """ "floundered", "collected": a regular past tense (not "need", "freed" or "bed")."""
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")


_Labels = dict[str, float]


def _emotion_words() -> tuple[
    dict[str, tuple[str, _Labels]],
    dict[str, _Labels],
    dict[str, _Labels],
    dict[str, _Labels],
    dict[str, _Labels],
    dict[str, _Labels],
]:
    """The verbs, adjectives, nouns, ``eval`` adjectives, ``trait`` nouns and ``epithet`` nouns of
    data/emotion_words.tsv, read in one pass."""
    verbs: dict[str, tuple[str, _Labels]] = {}
    adjectives: dict[str, _Labels] = {}
    nouns: dict[str, _Labels] = {}
    evaluative: dict[str, _Labels] = {}
    traits: dict[str, _Labels] = {}
    epithets: dict[str, _Labels] = {}
    for line in (_DATA / "emotion_words.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pos, word, kind, weights = line.split("\t")
        labels = {label: float(w) for label, _, w in (lw.partition("=") for lw in weights.split())}
        if pos == "verb":
            verbs[word] = (kind, labels)
        elif pos == "eval":
            evaluative[word] = labels
        elif pos == "trait":
            traits[word] = labels
        elif pos == "epithet":
            epithets[word] = labels
        else:
            for form in word.split(","):  # "fear,fears": a noun and its plural
                (adjectives if pos == "adj" else nouns)[form] = labels
    return verbs, adjectives, nouns, evaluative, traits, epithets


# The emotion words of the feelings step (data/emotion_words.tsv): verb lemma -> (who feels it: "subj", "obj",
# "intr" or "act"; label -> weight), adjective -> (label -> weight), noun -> (label -> weight); and the adjectives
# that, before a person's name, say how someone stands toward that person ("the ridiculous Rodney", "her beloved
# Edward"), the ``eval`` lines: adjective -> (label -> weight); the nouns that say the same of their owner ("the
# haughtiness of Mrs. Beaumont"), the ``trait`` lines, and of the person they are said of ("the virago Madame
# Duval", "you scoundrel!"), the ``epithet`` lines: noun -> (label -> weight)
EMOTION_VERBS, EMOTION_ADJECTIVES, EMOTION_NOUNS, EVALUATIVE_ADJECTIVES, TRAIT_NOUNS, EPITHETS = _emotion_words()
_FEELING_VERBS = frozenset(lemma for lemma, (kind, _) in EMOTION_VERBS.items() if kind != "act")

# parts of the body: "Mouth dry, Yang stared" opens a sentence with one, never a name; "Bucky's hand" marks a person
BODY_PARTS: frozenset[str] = word_list("body_parts")


def is_feeling_verb(word: str) -> bool:
    """Whether a lower-case word is a form of a verb of feeling ("adored", "despises", "loving", "envied"); an
    act that shows a stance ("scolded", "kissed", kind ``act``) is not one."""
    return is_form_of(word, _FEELING_VERBS)


def is_form_of(word: str, lemmas: frozenset[str]) -> bool:
    """Whether a lower-case word is a form of one of ``lemmas``, verbs of the emotion lexicon ("scolded" of
    scold, "envies" of envy, "stung" of sting)."""
    if word in lemmas:
        return True
    stems = [word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-3] + "y", word[:-2] + "y"]
    if word.endswith(("s", "d", "ed", "es", "ing", "ied", "ies")) and any(s in lemmas for s in stems):
        return True
    return any(word in forms for lemma, forms in EMOTION_VERB_IRREGULAR.items() if lemma in lemmas)


# -- read by the feelings step -------------------------------------------------------------------------------------

# words that strengthen the emotion word after them, and by how much
INTENSIFIERS = {
    "so": 1.25,
    "very": 1.25,
    "really": 1.2,
    "deeply": 1.3,
    "terribly": 1.3,
    "utterly": 1.3,
    "completely": 1.25,
    "truly": 1.2,
    "desperately": 1.3,
    "always": 1.1,
    "more": 1.1,
}

# words that weaken it
DAMPENERS = {"little": 0.7, "bit": 0.7, "slightly": 0.6, "somewhat": 0.7, "almost": 0.8}

# prepositions that lead from an emotion word to whom it is felt toward ("angry at", "fond of")
TARGET_PREPOSITIONS = frozenset({"at", "for", "toward", "towards", "of", "on", "about", "with", "to", "over", "in"})

# verbs that carry an emotion noun ("she felt a great fear", "he showed no pity")
LIGHT_VERBS = frozenset(
    {
        "have",
        "has",
        "had",
        "having",
        "feel",
        "feels",
        "felt",
        "feeling",
        "show",
        "showed",
        "hide",
        "hid",
        "harbor",
        "harbour",
        "harbored",
        "send",
        "sends",
        "sent",
        "hold",
        "held",
    }
)

# "her tears stopped", "she stopped crying": a feeling that ends is relief, not the feeling itself
ENDING_VERBS = frozenset(
    {
        "stop",
        "stops",
        "stopped",
        "stopping",
        "fade",
        "fades",
        "faded",
        "fading",
        "ease",
        "eases",
        "eased",
        "subside",
        "subsides",
        "subsided",
        "vanish",
        "vanished",
        "ebb",
        "ebbs",
        "ebbed",
        "cease",
        "ceases",
        "ceased",
        "dry",
        "dried",
        "dries",
        "quit",
        "quits",
    }
)

# verbs that keep a feeling inside ("she harboured a grudge"): felt, not shown
INNER_VERBS = frozenset(
    {
        "have",
        "has",
        "had",
        "having",
        "feel",
        "feels",
        "felt",
        "feeling",
        "harbor",
        "harbour",
        "harbored",
        "hide",
        "hid",
        "hides",
        "hiding",
    }
)

# Emotion labels that are states of mind, not feelings held toward someone: coming to know (realization),
# not knowing (confusion), wanting to know (curiosity), and being struck by the unexpected (surprise).
# "Yang realized with a start" is news reaching a mind, not a feeling kept back from another character, so
# these never count as unsaid (heartline.bonds); they stay in the feelings and in a bond's raw shares.
STATES_OF_MIND = frozenset({"realization", "confusion", "curiosity", "surprise"})

# the words that open a question asked yes or no, before its subject ("Did he love her?", "Could Anne forgive
# him?"): such a question tells no feeling, and the word is not the first of a name
QUESTION_OPENERS = frozenset(
    "do does did is are was were am have has had can could would will shall should may might must".split()
)

# "you" as the feelings step reads it: SECOND_PERSON without the archaic thee, thou and thy (reading those
# too would change the feelings of some readings)
SECOND_PERSON_MODERN = frozenset({"you", "your", "yourself", "yours"})

# pronouns that are the object of an emotion verb, not its experiencer; not OBJECT_PRONOUNS below, which has
# "her" and not the -self forms (one set for both would change readings)
FELT_OBJECT_PRONOUNS = frozenset({"him", "them", "me", "us", "himself", "herself", "themselves"})

# words that open a clause of its own inside a sentence ("all that was told him", "the man who saved him"): a
# pronoun after one may mean the subject of the sentence
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})

CRY_TAGS = frozenset({"cries", "cried"})  # "is crying" is never a way of saying

# irregular forms of the emotion verbs
EMOTION_VERB_IRREGULAR = {
    "weep": ["wept"],
    "forgive": ["forgave", "forgiven"],
    "sob": ["sobbed", "sobbing"],
    "grin": ["grinned", "grinning"],
    "upset": ["upset", "upsetting"],
    "long": ["longed", "longing"],
    "hug": ["hugged", "hugging"],
    "strike": ["struck"],
    "beat": ["beaten"],
    "slap": ["slapped", "slapping"],
    "whip": ["whipped", "whipping"],
    "snub": ["snubbed", "snubbing"],
    "pat": ["patted", "patting"],
    "snap": ["snapped", "snapping"],
    "stab": ["stabbed", "stabbing"],
    "hit": ["hitting"],
    "shake": ["shook", "shaken", "shaking"],
    "feed": ["fed"],
    "spit": ["spat", "spitting"],
    "rob": ["robbed", "robbing"],
    "forsake": ["forsook", "forsaken"],
    "worship": ["worshipped", "worshipping"],
    "regret": ["regretted", "regretting"],
    "flog": ["flogged", "flogging"],
    "shun": ["shunned", "shunning"],
    "panic": ["panicked", "panicking"],
    "abhor": ["abhorred", "abhorring"],
}


# -- read by the speakers step -------------------------------------------------------------------------------------

# words that may stand between a speech verb and its subject as an adverb does ("said again")
ADVERB_LIKE = {"again", "then", "now", "at", "once", "still", "presently", "suddenly", "softly", "quickly"}

# nouns that name what was said ("was her answer", "Mary's declaration was")
SPEECH_NOUNS = {
    "reply",
    "answer",
    "rejoinder",
    "remark",
    "exclamation",
    "words",
    "cry",
    "retort",
    "response",
    "observation",
    "question",
    "inquiry",
    "enquiry",
    "comment",
    # "was Mary's reasoning", "Mary's declaration was", "was Charles's language", "was Mr. Allen's consolation",
    # "was Mrs. Jennings's address to him", "the view of Mr. Sandy Wadgers", "Mary's reproach of"
    "reasoning",
    "declaration",
    "language",
    "consolation",
    "address",
    "view",
    "reproach",
    "opinion",
}

# verbs that speak only with their particle: "put in Cynthia", "burst out Philip", "Syme ran on", and
# right after a quote '"Those dreadful insects!" burst from William'
PHRASAL_SPEECH_VERBS = {
    "put": ("in",),
    "burst": ("out", "forth", "from"),
    "broke": ("in", "out", "forth", "from"),
    "came": ("from",),
    "cut": ("in",),
    "chimed": ("in",),
    "struck": ("in",),
    "ran": ("on",),
    "rattled": ("on",),
}

VERB_PARTICLES = {"out", "in", "on", "forth", "up"}  # "called out Mr. Witherspoon"

# adjectives before a name after a speech verb ("inquired poor Oliver")
# the words that may stand between a possessive and a family word: how the speaker sees them, or their age
# ("her poor husband", "his little sister", "my late husband")
KIN_ADJECTIVES = frozenset(
    "poor dear dearest late little old young elder eldest younger youngest beloved own sweet darling good "
    "lamented sainted".split()
)

NAME_ADJECTIVES = {"poor", "old", "young", "little", "dear", "good", "big", "tall", "fat", "thin", "pale"}

# object pronouns after a verb ("interrupted her with--")
OBJECT_PRONOUNS = {"him", "her", "them", "me", "us"}

# pronouns that are not the subject of the verb after them ("her" may be a possessive: "her brother said")
NOT_SUBJECT_PRONOUNS = {"himself", "herself", "themselves", "myself", "yourself"} | (OBJECT_PRONOUNS - {"her"})

# prepositions that go on a speech tag ("said to Mr. Knightley:", "replied in the memorable words,")
TAG_PREPOSITIONS = {"in", "with", "to", "at", "without", "after", "for", "from", "across", "over", "under", "through"}


# -- read by the segment step --------------------------------------------------------------------------------------

# abbreviations whose full stop does not end a sentence
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "messrs", "mme", "mlle", "prof", "rev", "col", "capt", "gen", "lt"}

# subject pronouns, "I" and "it" too: a speech tag that holds one is most often the speaker going on
# (not SUBJECT_PRONOUNS above, the he/she a tag gives a gender by)
SUBJECT_WORDS = frozenset({"i", "he", "she", "we", "they", "it"})


# -- read by the characters step: titles ---------------------------------------------------------------------------

# titles the surname follows ("Mr. Bast"), so the name after them is a family's
SURNAME_TITLES = frozenset("mr mrs ms madame mme monsieur signor signora herr frau".split())


# -- read by the characters step: names ----------------------------------------------------------------------------

# lower-case words inside a name ("Ludwig van Beethoven", "Mr. de Winter")
NAME_PARTICLES = {"de", "van", "von", "du", "le", "la", "di", "da", "del", "der", "ten", "st.", "o'"}

# titles of an unmarried woman
UNMARRIED_TITLES = {"miss", "mlle", "mademoiselle", "fraulein", "fräulein", "signorina", "senorita", "señorita"}

# titles of a married woman or a peeress (not KIN_MARRIED_TITLES, the titles "his mother" or "her
# husband" may bear)
MARRIED_TITLES = {"mrs", "madame", "mme", "frau", "signora", "marchioness", "countess", "duchess", "baroness"}

NUMBER_WORDS = frozenset("two three four five six seven eight nine ten".split())  # "One" is a pronoun

# days of the week, names only when a story makes them so ("Friday")
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# the months, a surname after a title ("Aunt March")
MONTHS = frozenset("january february march april may june july august september october november december".split())

# adverbs and conjunctions that open sentences, never the first half of a name
SENTENCE_OPENERS = frozenset(
    """lest whereas hitherto henceforth thereupon whereupon wherefore therefore meanwhile nevertheless
    notwithstanding moreover furthermore however besides although though unless until whilst while whenever
    wherever whether except upon amongst among beneath beyond despite thus hence instead otherwise
    afterwards presently directly accordingly likewise hither thither whither""".split()
)

# given names that end in -ly, which is otherwise an adverb at the start of a sentence
LY_NAMES = frozenset(
    "emily lily molly polly sally dolly kelly beverly shelly holly nelly milly tilly billy willy wally".split()
)


# -- read by the characters step: descriptions ("said the old gentleman") ------------------------------------------

# nouns that never head a description of a person ("said the voice")
NOT_DESCRIPTION_HEADS = frozenset(
    """other others latter former one ones same first second last rest whole two three few many both
    voice voices answer reply words tone look way thing things matter question time day night moment
    door room house rain wind fire clock bell letter note paper crowd company party family pair""".split()
)

# words that end a description ("said the man to ...")
DESCRIPTION_BREAKS = frozenset(
    """to in with and as at who which that from of for on by but or so then again now when was were had has is
    are been did could would should will shall might must heard saw
    his her my their our your its him them me us he she they we you it a an this these those""".split()
)  # a pronoun or a determiner begins another phrase: "the description his mistress gave him" is no one

# noun endings of people ("the fisherman", "the painter", "the novelist")
PERSON_SUFFIXES = ("man", "men", "er", "or", "ist", "ess", "ian", "ee", "eer", "maid", "boy", "girl", "wife", "lady")

# -ant and -ent make as many things as people ("the present", "the argument", "the moment"): only these
ANT_ENT_PEOPLE = frozenset(
    """agent parent student president resident patient tenant merchant peasant infant giant sergeant servant
    attendant assistant lieutenant regent gent correspondent superintendent accountant inhabitant occupant
    descendant defendant claimant informant combatant adolescent opponent client""".split()
)

# nouns of people that no suffix tells
PEOPLE_NOUNS = frozenset(
    """child servant guest host youth nurse cook clerk judge vicar parson rector squire landlord landlady
    stranger visitor doctor colonel captain major general officer sergeant constable girl boy baby surgeon
    physician turnkey valet magistrate curate bishop duke duchess count countess baron baronet marquis knight
    soldier sailor chaplain dean mayor sheriff witness cousin nephew niece grandmother grandfather attorney
    lawyer postboy sentry guard convict prisoner jailer gaoler warder steward butler footman chambermaid
    housekeeper governess tutor pupil scholar beggar friar abbot abbess pilgrim hermit pedlar peddler tinker
    blacksmith smith farmer shepherd miller innkeeper hostess lad lass fellow youngster ruffian villain
    traveller passenger companion comrade bride bridegroom groom widower heir heiress orphan witch wizard
    dwarf official navvy hunchback mate skipper boatswain detective fiancé fiancée thief chief tsar czar sultan
    rajah padre abbé curé spinster gypsy maiden damsel wench urchin maniac lunatic comte comtesse vicomte
    marquise baroness captive fugitive culprit assassin tramp vagabond foundling apothecary corporal admiral""".split()
)

# nouns of a man and of a woman
MALE_NOUNS = frozenset(
    "man gentleman boy lad fellow king prince father husband son brother uncle lord sir monk priest".split()
)

FEMALE_NOUNS = frozenset(
    "woman lady girl maid queen princess mother wife daughter sister aunt nun widow landlady housemaid female".split()
)

# a gender and also a post in the household or the realm: "said the maid" is the maid, not any woman nearby
GENDERED_POSTS = frozenset("maid housemaid landlady queen princess nun king prince monk priest".split())

# nouns of manner after a speech verb ("said in a low voice")
MANNER_NOUNS = frozenset(
    "voice tone whisper manner way smile grin glance groan sigh air look accent breath fashion style".split()
)

# irregular past tenses that are speech tags ("spoke", "bade")
IRREGULAR_TAGS = frozenset({"spoke", "bade", "began", "rang", "sang", "swore", "wept"})

# past tenses that do not end in -ed, for "The Dormouse shook its head": a verb after the description
IRREGULAR_PAST = frozenset(
    """shook took gave made came went sat stood began rose ran held put got drew kept felt thought knew saw left
    led found brought caught fell flew grew hung laid lay lost meant met paid rode rang sang sank slept spoke
    sprang stole struck swore threw told tore understood woke wore wrote bit bent burst crept fought forgot hid
    hit let lit sent set shut slid spent stuck swept swung taught wept won wound broke chose froze bore bade
    became overtook undertook withdrew clung flung stung wrung knelt leapt strode strove fled fed bled sped spat
    drank swam ate forgave forbade dwelt sought bought sold drove shrank slunk""".split()
)

# words that end like people and are not: "the amount into her", "the interest lay rather", "the weather",
# "the louder", "the selfishness", "the glee"
NOT_PEOPLE = frozenset(
    """her ever never however whatever whenever wherever over under after other another either neither whether
    nor rather farther further together hither thither whither weather water power wonder dinner river number
    order letter matter manner paper silver summer winter corner border danger anger finger temper shoulder
    chamber fever hunger laughter tower flower powder supper timber lower upper deeper louder eager subtler
    better later sooner longer greater higher nearer clever proper sober tender slender bitter
    error terror horror mirror door floor glee repartee degree offer answer chapter quarter ladder shelter saucer
    counter thunder
    harder smaller larger stronger weaker shorter easier happier faster slower quieter warmer colder darker
    brighter lighter heavier clearer fewer wiser richer simpler finer kinder braver bolder calmer cooler graver
    lesser narrower nobler plainer prouder quicker safer sharper sweeter thicker thinner tighter truer wider
    coffee committee knee tree free three thee see agree decree pedigree toffee jubilee spree excess process
    success access recess address distress""".split()
)

# plural nouns of people ("the two women")
PLURAL_PEOPLE = frozenset("men women girls boys ladies gentlemen people others children".split())

# adjectives that leave a description generic ("the old gentleman": anyone old and a man)
GENERIC_ADJECTIVES = frozenset(
    "young old little elder younger elderly poor other tall short stout fat thin pretty".split()
)

# ranks and roles with a gender (for a description's gender only: "the Colonel" is still its own character)
MALE_ROLES = frozenset(
    """colonel general admiral captain major sergeant corporal lieutenant bishop vicar rector parson curate
    squire marquis marquess baron duke earl emperor abbot friar""".split()
)

FEMALE_ROLES = frozenset(
    "marchioness baroness duchess countess empress governess housekeeper abbess mistress actress".split()
)


# -- read by the characters step: pronouns -------------------------------------------------------------------------

# in a letter ("Dearest Meg, ..."), "you" in the narration is the one written to, until a closing ("Yours
# affectionately") or this many sentences with no "you"
LETTER_CLOSINGS = frozenset({"yours", "affectionately", "faithfully", "sincerely"})

# kinship words after "his" or "her": the gender of the one meant, and whether a parent or spouse (a Mr. or Mrs.
# of the owner's surname) or a child or sibling (not married into it)
KIN: dict[str, tuple[str, bool]] = {
    "mother": ("she", True),
    "father": ("he", True),
    "wife": ("she", True),
    "husband": ("he", True),
    "son": ("he", False),
    "daughter": ("she", False),
    "brother": ("he", False),
    "sister": ("she", False),
}

# titles of a parent or a spouse, which "his mother" or "her husband" bears
ELDER_TITLES = frozenset("mr mrs sir lady lord madame mme monsieur signora signor frau herr".split())

# titles of the married, which a child or sibling does not bear (not MARRIED_TITLES above)
KIN_MARRIED_TITLES = frozenset("mrs lady madame mme signora frau".split())

# conjunctions that open a clause, after which a pronoun may be its subject
CLAUSE_CONJUNCTIONS = {
    "and",
    "but",
    "then",
    "when",
    "while",
    "as",
    "so",
    "if",
    "though",
    "although",
    "because",
    "until",
    "before",
    "after",
    "that",
}

# adverbs and auxiliaries that may stand between a subject and its verb
VERB_ADVERBS = {
    "always",
    "never",
    "still",
    "just",
    "then",
    "now",
    "also",
    "only",
    "can",
    "could",
    "would",
    "will",
    "did",
    "does",
    "had",
    "has",
    "was",
    "is",
}

NOT_A_NOUN = frozenset(
    """a an the to and or but in into on at by for from with without of off that than as so if when while
    again up down out away back very too all both only just then there here now once still""".split()
)

# nouns and adjectives that tell a description's age ("the boy", "the old gentleman")
YOUNG_HEADS = {"boy", "child", "lad", "infant", "baby"}

OLD_ADJECTIVES = {"old", "elderly", "aged"}
