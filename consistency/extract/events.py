"""The event a date dates: the verb of its clause with its object (or, in the passive, its subject).

No parser: a clause is the stretch of the sentence between commas, semicolons and
subordinating words; the verb is the verb-like word nearest the date within it
(a past tense in -ed, an irregular past from a closed list, or a word after an
auxiliary); the key is the verb's lemma (simplemma) and the head nouns of its
object.  Called once per date mention, on one sentence.
"""

from __future__ import annotations

import functools
import re
from functools import lru_cache

import simplemma

from .dates import DateMention
from .numbers import SCALES, TENS, UNITS
from .sentences import ABBREVIATIONS

# A word with its abbreviation period ("Gen.", "U.S."), a number, or a punctuation mark that splits clauses.
TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}(?:-[A-Za-z]+)*|\d{1,3}(?:,\d{3})+|[A-Za-z0-9][A-Za-z0-9'-]*|[,;:()\"]")

# Irregular past tenses and participles: form -> lemma (simplemma reads "left" as the adjective).
IRREGULAR = {
    "arose": "arise",
    "awoke": "awake",
    "became": "become",
    "began": "begin",
    "begun": "begin",
    "bent": "bend",
    "bit": "bite",
    "bled": "bleed",
    "blew": "blow",
    "broke": "break",
    "broken": "break",
    "brought": "bring",
    "built": "build",
    "burnt": "burn",
    "bought": "buy",
    "caught": "catch",
    "chose": "choose",
    "chosen": "choose",
    "came": "come",
    "crept": "creep",
    "dealt": "deal",
    "dug": "dig",
    "did": "do",
    "done": "do",
    "drew": "draw",
    "drawn": "draw",
    "drove": "drive",
    "driven": "drive",
    "ate": "eat",
    "eaten": "eat",
    "fell": "fall",
    "fallen": "fall",
    "fought": "fight",
    "found": "find",
    "fled": "flee",
    "flew": "fly",
    "flown": "fly",
    "forbade": "forbid",
    "forgot": "forget",
    "forgave": "forgive",
    "froze": "freeze",
    "frozen": "freeze",
    "got": "get",
    "gotten": "get",
    "gave": "give",
    "given": "give",
    "went": "go",
    "gone": "go",
    "grew": "grow",
    "grown": "grow",
    "hung": "hang",
    "heard": "hear",
    "hid": "hide",
    "hidden": "hide",
    "held": "hold",
    "kept": "keep",
    "knew": "know",
    "known": "know",
    "laid": "lay",
    "led": "lead",
    "left": "leave",
    "lent": "lend",
    "lost": "lose",
    "made": "make",
    "meant": "mean",
    "met": "meet",
    "overcame": "overcome",
    "overran": "overrun",
    "overtook": "overtake",
    "overthrew": "overthrow",
    "overthrown": "overthrow",
    "paid": "pay",
    "rode": "ride",
    "rang": "ring",
    "rose": "rise",
    "risen": "rise",
    "ran": "run",
    "said": "say",
    "saw": "see",
    "seen": "see",
    "sought": "seek",
    "sold": "sell",
    "sent": "send",
    "shook": "shake",
    "shot": "shoot",
    "showed": "show",
    "shown": "show",
    "shrank": "shrink",
    "sang": "sing",
    "sank": "sink",
    "sat": "sit",
    "slept": "sleep",
    "slid": "slide",
    "spoke": "speak",
    "spoken": "speak",
    "spent": "spend",
    "stood": "stand",
    "stole": "steal",
    "stolen": "steal",
    "stuck": "stick",
    "struck": "strike",
    "stricken": "strike",
    "swore": "swear",
    "sworn": "swear",
    "swept": "sweep",
    "swam": "swim",
    "swung": "swing",
    "took": "take",
    "taken": "take",
    "taught": "teach",
    "tore": "tear",
    "torn": "tear",
    "told": "tell",
    "thought": "think",
    "threw": "throw",
    "thrown": "throw",
    "understood": "understand",
    "undertook": "undertake",
    "undertaken": "undertake",
    "woke": "wake",
    "wore": "wear",
    "worn": "wear",
    "won": "win",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "wrote": "write",
    "written": "write",
    "wound": "wind",
    "upheld": "uphold",
    "oversaw": "oversee",
    "overseen": "oversee",
    "foresaw": "foresee",
}
# Forms of "be" that make a following participle passive; other auxiliaries and modals.
BE = frozenset("is are was were be been being am 's".split())
AUXILIARIES = BE | frozenset("has have had having will would shall should can could may might must do does did".split())
# Words that end a noun phrase and never belong to the event's object.
PREPOSITIONS = frozenset(
    """in on at by for with from to of into onto over under near against after before since until during
    through throughout within without across along among between toward towards about around amid despite
    than as via per upon off out up""".split()
)
# Words that split a sentence into clauses ("withdrew forces in 2011 but returned in 2014 when ...").
CLAUSE_WORDS = frozenset(
    "but when which who whom whose while where because although though whereas unless if after as".split()
)
DETERMINERS = frozenset(
    """a an the this that these those its his her their our my your some any all each every no both either
    neither another other such much many most more several few own""".split()
)
# Common adjectives without an adjective ending: "its last stronghold" is keyed "stronghold".
ADJECTIVES = frozenset("last first new former top senior final next previous recent key major main big small".split())
# Titles before a name: "Iranian Gen. Qassim Soleimani" is keyed by "soleimani".
TITLES = frozenset(
    """gen gen. general lt lt. col col. maj maj. capt capt. sgt sgt. adm adm. mr mr. mrs mrs. ms ms. dr dr.
    president prime minister secretary sen sen. rep rep. gov gov. king queen prince sheikh ayatollah""".split()
)
# Adverbs that sit between an auxiliary and its verb or before the verb ("was officially", "formally ended").
ADVERBS = frozenset("not never also already still just only then later first finally recently again soon".split())
# Endings of adjectives ("military", "Iranian", "extremist"): dropped from an event key's nouns.
ADJECTIVE_END = re.compile(r"(?:al|ic|ive|ous|ful|less|able|ible|ary|ian|ish|ern|ist|ent|ant|led|backed|based)$")
# -ed words that are not verbs.
NOT_VERBS = frozenset("need seed speed bed red hundred shed feed creed breed embed indeed steed bred sled".split())
MAX_KEY_NOUNS = 2
# Particles of phrasal verbs, kept with the verb: "laid off", "wound down", "took over".
PARTICLES = frozenset("off up out down back away over".split())
# Number words are counts, not nouns: "pulled three survivors" is keyed "pull survivor".
NUMBER_WORDS = frozenset([*UNITS, *TENS, *SCALES, "dozen", "dozens", "hundreds", "thousands", "millions"])


def describe_event(text: str, sentence: tuple[int, int], mention: DateMention) -> tuple[str | None, str | None]:
    """(event, event_key) for the date mention inside sentence text[sentence[0]:sentence[1]]."""
    tokens = _sentence_tokens(text, *sentence)
    before = [i for i, t in enumerate(tokens) if t[1] <= mention.start]
    after = [i for i, t in enumerate(tokens) if t[0] >= mention.end]
    lo = _clause_start(tokens, before[-1] + 1 if before else 0)
    hi = _clause_end(tokens, after[0] if after else len(tokens))
    words_before = [i for i in before if i >= lo]
    words_after = [i for i in after if i < hi]
    if mention.text.split()[-1].lower() in ("after", "since"):
        # "comes 10 years after the U.S. joined forces": the dated event follows the mention
        verb = _first_verb(tokens, words_after)
    else:
        verb = _nearest_verb(tokens, words_before, words_after)
    if verb is None and not [i for i in words_before if tokens[i][2].lower() not in PREPOSITIONS]:
        # "In August 2023, the U.S. and Iraq agreed ...": a fronted date dates the next clause
        nxt = after[0] if after else len(tokens)
        while nxt < len(tokens) and tokens[nxt][2] in ",:":
            nxt += 1
        verb = _first_verb(tokens, range(nxt, min(len(tokens), _clause_end(tokens, nxt + 1))))
    if verb is None:
        return None, None
    return _event(text, tokens, verb, mention)


@functools.lru_cache(maxsize=16)
def _sentence_tokens(text: str, begin: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """The sentence's words, once per sentence however many dates it holds (the text's hash is cached: a cheap
    key)."""
    return tuple((m.start(), m.end(), _with_period(text, m)) for m in TOKEN_RE.finditer(text, begin, end))


def _with_period(text: str, match: re.Match) -> str:
    """The token, with its period when it is an abbreviation ("Gen.", "Dec.")."""
    word = match.group()
    if text.startswith(".", match.end()) and word.lower() in ABBREVIATIONS:
        return word + "."
    return word


def _is_boundary(tokens: list, i: int) -> bool:
    word = tokens[i][2]
    if word in ',;:()"':
        return True
    low = word.lower()
    if low in CLAUSE_WORDS:
        return True
    # "and" or "or" followed by a verb starts a new clause ("and most troops left" does not).
    return low in ("and", "or") and i + 1 < len(tokens) and _verb_lemma(tokens, i + 1) is not None


def _clause_start(tokens: list, i: int) -> int:
    while i > 0 and not _is_boundary(tokens, i - 1):
        i -= 1
    return i


def _clause_end(tokens: list, i: int) -> int:
    while i < len(tokens) and not _is_boundary(tokens, i):
        i += 1
    return i


def _verb_lemma(tokens: list, i: int) -> str | None:
    """The lemma if tokens[i] looks like a verb in news copy, else None."""
    word = tokens[i][2]
    low = word.lower()
    if not word[0].isalpha() or "-" in word or "." in word:
        return None
    if word[0].isupper() and i > 0 and tokens[i - 1][2] not in ',;:("':
        return None  # a capitalised word inside a sentence is a name
    prev_word = tokens[i - 1][2] if i > 0 else ""
    prev = prev_word.lower()
    if prev in DETERMINERS:
        return None  # "its scattered fighters", "the allied force"
    if low in IRREGULAR:
        return IRREGULAR[low]
    if low.endswith("ed") and len(low) > 4 and low not in NOT_VERBS:
        return _lemma(low)
    if (prev_word in AUXILIARIES or prev_word == "to" or _aux_before(tokens, i)) and word.islower():
        if low not in DETERMINERS and low not in PREPOSITIONS and low not in AUXILIARIES and low not in ADVERBS:
            return _lemma(low)
    return None


def _aux_before(tokens: list, i: int) -> bool:
    """An auxiliary before tokens[i], past adverbs ("was officially shutting")."""
    j = i - 1
    while j >= 0 and (tokens[j][2].lower() in ADVERBS or tokens[j][2].lower().endswith("ly")):
        j -= 1
    return j < i - 1 and j >= 0 and tokens[j][2] in AUXILIARIES


@lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="en")


def _first_verb(tokens: list, indices) -> int | None:
    for i in indices:
        if _verb_lemma(tokens, i):
            return i
    return None


def _nearest_verb(tokens: list, before: list[int], after: list[int]) -> int | None:
    """The verb nearest the mention; on a tie the one before it ("invaded Iraq in March 2003")."""
    back = [i for i in reversed(before) if _verb_lemma(tokens, i)][:1]
    ahead = [i for i in after if _verb_lemma(tokens, i)][:1]
    if back and ahead:
        return back[0] if len(before) - before.index(back[0]) <= after.index(ahead[0]) + 1 else ahead[0]
    return (back or ahead or [None])[0]


def _event(text: str, tokens: list, verb: int, mention: DateMention) -> tuple[str, str]:
    lemma = _verb_lemma(tokens, verb) or tokens[verb][2].lower()
    first = verb
    while first > 0 and _premodifies(tokens, first - 1):
        first -= 1
    passive = any(tokens[j][2].lower() in BE for j in range(first, verb))
    last = verb
    if passive:
        nouns = _subject_nouns(tokens, first)
    else:
        obj = []
        j = verb + 1
        if j < len(tokens) and tokens[j][2].lower() in PARTICLES and not _overlaps(tokens[j], mention):
            lemma += " " + tokens[j][2].lower()
            last = j
            j += 1
        while j < len(tokens) and not _ends_phrase(tokens, j, mention):
            obj.append(j)
            j += 1
        if obj:
            last = obj[-1]
        nouns = _head_nouns([tokens[k][2] for k in obj])
    event = " ".join(text[tokens[first][0] : tokens[last][0] + len(tokens[last][2])].split())
    key = " ".join([lemma, *nouns])
    return event, key


def _premodifies(tokens: list, j: int) -> bool:
    """An auxiliary or adverb directly before the verb: "was", "formally", "has already"."""
    low = tokens[j][2].lower()
    return tokens[j][2] in AUXILIARIES or low in ADVERBS or (low.endswith("ly") and len(low) > 4 and low.isalpha())


def _overlaps(token: tuple, mention: DateMention) -> bool:
    return token[0] < mention.end and token[1] > mention.start


def _ends_phrase(tokens: list, j: int, mention: DateMention) -> bool:
    start, end, word = tokens[j]
    low = word.lower()
    return (
        start < mention.end
        and end > mention.start  # the date itself
        or low in PREPOSITIONS
        or word in AUXILIARIES
        or low in ("and", "or", "but", "that", "to", "when", "which", "who", "while")
        or word in ',;:()"'
        or _verb_lemma(tokens, j) is not None
    )


def _subject_nouns(tokens: list, first: int) -> list[str]:
    """Head nouns of the subject before a passive verb: "All combat operations were ceased"."""
    j = first - 1
    words = []
    while j >= 0 and not _is_boundary(tokens, j) and _verb_lemma(tokens, j) is None:
        words.append(j)
        j -= 1
    words.reverse()
    # "The military defeat of the group was declared": the head comes before the first preposition
    for n, k in enumerate(words):
        if tokens[k][2].lower() in PREPOSITIONS:
            words = words[:n]
            break
    return _head_nouns([tokens[k][2] for k in words])


def _head_nouns(words: list[str]) -> list[str]:
    """Nouns that key a phrase: lower-cased common nouns, or a name's last word."""
    content = []
    for word in words:
        low = word.lower()
        if (
            low in DETERMINERS
            or low in ADJECTIVES
            or low in TITLES
            or low in ADVERBS
            or low in NUMBER_WORDS
            or low.endswith("ly")
            or word[0].isdigit()
        ):
            continue
        content.append(word)
    common = [w.lower() for w in content if w[0].islower() and not ADJECTIVE_END.search(w.lower())]
    if common:
        return [_lemma(w) for w in common[-MAX_KEY_NOUNS:]]
    names = [w for w in content if w[0].isupper() and not ADJECTIVE_END.search(w.lower())] or content
    if names:
        return [names[-1].lower().replace(".", "").replace("'s", "")]
    return []
