"""Word lists the actor linker reads: titles, institutional heads, group nouns, non-actor words."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word set written as running text, which reads and diffs better than a long list literal."""
    return frozenset(text.split())


# Titles and ranks stripped from a person's name ("Mullah Omar" -> "Omar" as a short form; the role
# the text gives keeps them). Lower-cased, without trailing dots.
TITLES = words(
    """
    mr mrs ms miss dr prof sir lord lady dame president vice prime minister premier chancellor king
    queen prince princess emir amir sheikh shaikh sheik mullah mullah maulana mawlawi mufti imam
    ayatollah hojatoleslam caliph general gen lt col colonel maj major capt captain sgt sergeant spc
    cpl corporal pvt private adm admiral brig cmdr commander chief leader spokesman spokeswoman
    secretary senator sen rep representative gov governor ambassador judge justice minister
    foreign defense defence interior deputy commander-in-chief director officer staff reporter
    correspondent writer editor analyst expert pope cardinal bishop rev reverend father brother
    sister sultan crown ret retired former late new top senior mayor army navy marine marines air
    force corps petty class spokesperson press secretary chairman chairwoman inspector commodore
    lieutenant brigadier marshal ensign airman seaman specialist envoy special presidential
    """
)

# Words at the end of a byline or signature that are not part of the name.
TRAILING_JOB_WORDS = words(
    "staff reporter correspondent writer editor contributor columnist producer photographer"
)

# Heads that turn a country or its adjective into the government acting ("Afghan authorities").
GOVERNMENT_HEADS = words(
    """
    government governments authorities authority officials official regime administration cabinet
    ministry ministries leadership junta state-media forces troops military army soldiers police
    navy security intelligence diplomats diplomat embassy envoy delegation negotiators
    """
)
# Heads that make the phrase the state's armed or security forces rather than its government.
FORCE_HEADS = words("forces force troops military army soldiers police navy marines")
# "security" and "intelligence" only count with a following noun ("security forces").
GOVERNMENT_HEADS_NEEDING_NOUN = frozenset({"security", "intelligence", "state-media"})

# Nouns that make a possessive country an acting one ("Pakistan's support", not "Pakistan's north").
ACTING_POSSESSED = words(
    """
    support backing pressure decision role policy policies offensive attack attacks strikes strike
    army military forces troops government officials president leader leaders intelligence demand
    demands warning response involvement campaign operation operations efforts effort position
    stance move refusal request offer plan plans approval agreement ambassador envoy foreign
    ministry minister spokesman spokeswoman security navy police authorities administration
    relationship ties cooperation help aid assistance war threat sanctions invasion
    """
)

# Prepositions whose object is a participant, not a location ("backed by Pakistan").
ACTING_PREPOSITIONS = frozenset({"by", "with", "against", "between", "from"})
# "from" only counts after verbs of communication or support ("support from Pakistan").
FROM_VERBS = frozenset(
    {"support", "help", "aid", "pressure", "backing", "threat", "warning", "call", "demand"}
)

# Verbs whose direct object is a place visited, not an actor acted upon.
MOVEMENT_VERBS = words(
    """
    visit enter leave reach flee travel return cross tour cover span border rule control hold
    capture seize retake overrun liberate occupy
    """
)

# Nominal references to a group: "the terror group", "the militant organisation".
GROUP_NOUNS = words(
    "group groups organization organizations organisation organisations network movement militia "
    "militias outfit faction factions insurgency"
)
GROUP_MODIFIERS = words(
    """
    terror terrorist militant jihadist jihadi islamist extremist insurgent rebel armed radical sunni
    shiite shia islamic armed hardline
    """
)
ARMED_MODIFIERS = words(
    "terror terrorist militant jihadist jihadi extremist insurgent rebel armed radical hardline"
)
NUMBER_WORDS = {"two": 2, "three": 3, "both": 2}

# Words that are never actors although NER sometimes tags them (page furniture, generic words).
NOT_ACTORS = words(
    """
    font size share print email comments comment advertisement related click subscribe login menu
    search home tweet facebook twitter instagram youtube linkedin whatsapp telegram reddit follow
    photo video image caption getty copyright reuters/ap file reporting editing newsletter passcode
    ied ieds vbied vbieds svbied uav uavs ddg rpg manpads mraap humvee eid ramadan christmas
    """
)

# Organisation name words that decide the type of an actor not in the registry.
MEDIA_WORDS = words(
    """
    news times post journal herald tribune gazette press agency tv television radio broadcasting
    broadcast media daily weekly magazine newspaper chronicle telegraph guardian observer monitor
    wire network channel
    """
)
ARMED_WORDS = words(
    """
    brigade brigades militia militias mujahideen mujahedeen jihad jamaat jamaah lashkar jaish harakat
    ansar tehrik tehreek front liberation rebels insurgents
    """
)
GOVERNMENT_WORDS = words(
    """
    ministry department parliament congress senate police army navy air force forces marines
    embassy council cabinet commission directorate command pentagon kremlin court assembly
    agency guard guards corps military gendarmerie coast
    """
)

# Prepositions that make the name after them a place ("Near Palmyra", "in Raqqah").
LOCATIVE_PREPOSITIONS = words("in near around outside inside into across throughout toward towards")
# Ship prefixes: a vessel is not an actor ("USS Mahan", "HMS Daring").
VESSEL_PREFIXES = words("uss usns hms hmas hmcs fs ins rfa ss mv")
# Verbs that list members rather than act on them ("nations ... include Australia, Belgium").
LISTING_VERBS = words("include comprise number count")

# Words that may sit inside a title before a name ("Deputy Secretary of State Antony Blinken",
# "Minister for the Middle East Tobias Ellwood"); connectors only count between such words.
TITLE_PARTS = words(
    """
    office state defense defence foreign affairs home interior general staff joint chiefs national
    security adviser advisor prime press council commonwealth development international trade justice
    finance treasury homeland energy army navy air force marine corps
    """
)
TITLE_CONNECTORS = words("for of the and")
REGION_WORDS = words(
    "middle east west north south near far gulf africa asia europe levant americas sahel balkans caucasus"
)

# A single word that NER tags as an organisation but that names no one in particular.
GENERIC_SINGLE = words(
    "state office department ministry agency council committee commission press media government forces army navy police coalition group"
)

# Last words of names that are agreements, events or programmes, not actors.
NON_ACTOR_HEADS = words(
    """
    agreement accord accords treaty resolution ceasefire hostilities talks conference summit process plan
    initiative law act convention declaration protocol operation campaign war crisis day award strategy
    programme program charter region communique communiqué statement report framework
    """
)

# Heads that make a demonym phrase a non-state group ("the Syrian opposition", "Afghan rebels").
OPPOSITION_HEADS = {"opposition": "ORGANIZATION", "rebels": "ARMED_GROUP", "insurgents": "ARMED_GROUP"}

# Faiths and communities NER tags as organisations or people when they stand alone ("Druze").
RELIGIONS = words(
    """
    islam judaism christianity hinduism buddhism druze alawite alawites ismaili yazidi yezidi sunni
    sunnis shia shiite shiites
    """
)

# Nouns after a name that make it a place: "Samangan province", "Marjeh district".
PLACE_NOUNS = words(
    "province provinces district districts city town village villages region valley county governorate state"
)
# Words that may join a country adjective to a government head: "Afghan and coalition security forces".
COORDINATED_FORCES = words("and , coalition international partnered allied nato isaf")
