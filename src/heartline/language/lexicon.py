"""Word lists the rules use: honorifics, pronouns, speech verbs, diminutives, words that are not names."""

from __future__ import annotations

__all__ = [
    "ADDRESS_WORDS",
    "DETERMINERS",
    "DIMINUTIVES",
    "FEMALE_NAMES",
    "FIRST_PERSON",
    "HONORIFICS",
    "HUMAN_VERBS",
    "MALE_NAMES",
    "NOT_NAMES",
    "PLACE_PREPS",
    "PLACE_WORDS",
    "PRONOUNS",
    "QUOTE_MARKS",
    "SECOND_PERSON",
    "SPEECH_VERBS",
    "SUBJECT_PRONOUNS",
    "canonical_title",
    "ends_like_past_tense",
]


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
NOT_NAMES: frozenset[str] = frozenset(
    """i i'm i'll i've i'd oh o ah aye yes no nay well why what who how where when there here then now this that
    these those the a an and but or nor for so yet if my your his her our their its it it's he she they we you
    me him them us mr mrs miss ms dr sir madam ma'am lady lord god heaven heavens hell christ jesus lord's
    monday tuesday wednesday thursday friday saturday sunday january february march july
    september october november december christmas easter english french german italian russian
    spanish american british irish scotch scottish indian chapter book part volume mamma mama papa pa ma
    mother father aunt uncle granny grandma grandpa mum mom dad daddy mummy baby sister brother cousin
    dear dearest darling sweetheart love honey okay ok yeah hey hi hello goodbye good bye thank thanks please sorry
    alas hush hurrah hurray bravo indeed perhaps certainly surely nothing everything something anything
    nobody everybody somebody anybody none all some any one two three four five six seven eight nine ten
    first second third last next not never ever always still only just even also too very quite rather
    mrs. mr. dr. st. st saint mount lake river street square road abbey
    manor cottage place row island club hotel inn station gardens college school
    company hospital office end north south east west heaven's ye yon sire mister missus
    captain colonel admiral general major professor doctor king queen prince princess duke duchess count
    countess baron emperor empress master mistress majesty highness excellency lordship ladyship esq jun
    sen junior senior""".split()
)

# a name ending in one of these is a place or an institution
PLACE_WORDS: frozenset[str] = frozenset(
    """street square hall house park court road lane abbey church castle manor cottage lodge place row hill
    island bridge club hotel inn station gardens garden college school company bank hospital office farm end
    river lake mount mountain valley wood woods forest city town village county shire sea ocean bay harbour
    harbor cathedral chapel palace tower gate terrace crescent avenue buildings street's close green common
    heath moor fields field museum gallery theatre theater society institute university railway""".split()
)

# words before a capitalised word that mark it as a place or a thing, not a person
PLACE_PREPS = frozenset("in into near within throughout across toward towards via".split())
DETERMINERS = frozenset("the a an this that these those every each some any no another".split())

# Given names whose bearers are almost always of one gender in English fiction (18th century to now): a prior
# for a character's gender when its own pronouns are few or mixed. Names used for both are left out
# (Evelyn, Leslie, Marion, Sidney, Jean, Alex, Sam, Jo, Charlie, Frankie, Kim, Robin).
FEMALE_NAMES: frozenset[str] = frozenset(
    """abigail ada adela adelaide adeline agatha agnes alice alicia amelia amy anastasia angela angelina
    ann anna anne annie antonia arabella augusta barbara beatrice becky bella bess bessie beth betsey
    betsy betty biddy blanche bridget carol carole caroline carrie cassandra catharine catherine cecilia
    cecily celia charlotte christina clara clarissa claudia constance cora cordelia cynthia daisy
    deborah delia diana dinah dolly dora doris dorothea dorothy edith edna eleanor elinor eliza
    elizabeth ella ellen elsie emily emma esther ethel eugenia eva eve evie fanny flora florence frances
    georgiana gertrude gladys grace hannah harriet harriot hattie helen helena henrietta hester hetty
    irene isabel isabella jane janet janey jennie jenny jessie joan josephine judith julia julie juliet
    kate katharine katherine kathleen kitty laura lavinia leah leonora letitia lettice lilian lillian
    lily lizzie lizzy lottie louisa louise lucia lucilla lucy lydia mabel madeline maggie margaret
    margery maria marian marianne marie marilla martha mary matilda mattie maud maude may meg milly mina
    minnie miriam molly muriel nance nancy naomi nell nellie nelly nora olive olivia pamela patty
    pauline peggy penelope phoebe polly priscilla rachel rebecca rhoda rosa rosalind rosamond rose ruth
    sadie sally sara sarah selina sophia sophie sophy sue susan susanna susannah sybil tabitha teresa
    tess theresa tilly ursula vera victoria viola violet virginia winifred winnie ysabel""".split()
)
MALE_NAMES: frozenset[str] = frozenset(
    """aaron adam albert alexander alfred algernon allan alan ambrose andrew angus anthony archibald
    abraham archie ben bertie dan dolph jem moses nick randolph ted
    arthur augustus austin barnaby bartholomew basil benjamin bernard bertram bill billy bob brian
    caleb cecil cedric charles christopher clarence claude clement colin cuthbert cyril daniel david denis
    dennis dick dorian douglas duncan edgar edmund edward edwin egbert elijah ernest eugene ezra felix
    ferdinand francis frank fred freddy frederic frederick gabriel geoffrey george gerald gilbert giles
    godfrey gregory guy harold harry henry herbert horace hubert hugh humphrey isaac jack jacob james jasper
    jeremiah jeremy jim jimmy joe john jonathan joseph joshua julian julius ken kenneth lancelot lawrence
    laurence leonard lewis lionel louis luke malcolm mark martin matthew maurice michael miles nathan
    nathaniel ned neville newland nicholas noah noel oliver oscar owen patrick paul percy percival peter
    philip phillip ralph raymond reginald richard robert roderick roger ronald rupert samuel sebastian
    silas simon solomon stanley stephen steven teddy theodore thomas timothy toby tom tommy valentine victor
    vincent walter wilfred wilfrid will william willie xander""".split()
)


def ends_like_past_tense(word: str) -> bool:
    """ "floundered", "collected": a regular past tense (not "need", "freed" or "bed")."""
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")
