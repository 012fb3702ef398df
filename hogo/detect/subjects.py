"""Who an English sentence is about when it names no one: notes and profiles leave out "I"
("Took last year off for depression."), and case notes name their subject by role alone
("Member is HIV positive"), or by a possessive and a role around a word ("our Ainu member").
Used by `context.Context.person`."""

import re

# The cue kinds that name a person: the writer, a relative, someone else by role.
PERSON_CUES = ("@self", "@family", "@third")
WORD_RE = re.compile(r"[a-z0-9'\-]+")

_IMPLIED_SUBJECT_VERBS = frozenset(
    "took had spent been got went was am have has recovering diagnosed living dealing "  # noqa: SIM905
    "struggling undergoing getting started stopped quit did served lost broke tore "
    "caught became born raised grew moved survived needed needs used attended joined "
    "ran running organised organized came recently currently still just "
    "arrested charged released fined convicted jailed sentenced questioned detained "
    # A vote or campaign work in a profile: "Voted Reiwa in the upper house election."
    "voted volunteered helped campaigned canvassed marched".split()
)
# Case notes name their subject by role alone: "Member is HIV positive", "Note: volunteer J. Reyes
# was arrested", "the client has ..." (at the start of a sentence or after a heading's colon, and
# followed by a verb, so "Member portal is down" and "the member must sign" name no one).
_NOTE_SUBJECT_RE = re.compile(
    # "Zainichi employee's car got …": one word may say what the member is.
    r"(?:the |this )?(?:board |staff |club |team )?"
    r"(?:(?!(?:our|my|your|their|his|her|its|a|an|new) )[a-z\-]+ )?"
    r"(?:member|client|volunteer|intern|patient|"
    r"resident|participant|applicant|trainee|employee|candidate|treasurer|liaison|worker|"
    r"foreman|new hire|"
    # A desk's notes on a caller's staff: "Foreman served time", "Driver got a fine".
    r"driver|forewoman|temp|caller|staffer|operator|technician|cashier|guard|contractor|"
    # A customer desk's and a school's records: "Customer uses a guide dog", "Insured was …".
    r"customer|insured|policyholder|account holder|pupil|student)(?:'s)? "
    r"(?:[a-z]\. )?"
    r"(?!(?:groups?|council|union|body|loans?|visa|satisfaction|"
    r"portal|database|list|number|no|id|card|fees?|forms?|area|pages?|services?|benefits?|"
    r"handbook|data|records?|information|files?|login|accounts?|meetings?|newsletter|directory|"
    r"survey|feedback|support|rates?|discount|status|count|numbers|privacy|details) )"
    r"(?:[a-z0-9'\-]+ )?(?:is|was|has|had|reports|reported|says|said|disclosed|discloses|tested|"
    r"sits|serves|"
    r"asks|asked|mentioned|told|informed|lost|got|became|lives|uses|needs|holds|identifies|"
    r"attends|started|underwent|returned|spent|served|suffered|suffers|"
    # "Employee ran in last year's mayoral race", "Worker heads a residents' group".
    r"ran|heads|headed|leads|led|joined|posts|posted|spoke)\b"
    # "Employee is required to disclose", "Member was sent the leaflet": a rule or a mailing.
    r"(?! (?:required|entitled|needed|expected|asked|sent|allowed|permitted|invited|reminded|"
    r"advised|responsible|the right|access)\b)"
)
_NOTE_INITIAL_RE = re.compile(
    r"\b(?:member|client|volunteer|intern|patient|resident|participant|applicant|trainee|"
    r"employee) [a-z]\.$"
)


# "Back at work after 3 months off": a return said without "I'm".
_BACK_RE = re.compile(r"back (?:at work|to work|from|on my feet)\b")


def _opens_with_verb(text: str, m: "re.Match[str] | None") -> bool:
    if m is None:
        return False
    word = m.group()
    return word in _IMPLIED_SUBJECT_VERBS or (
        word == "back" and _BACK_RE.match(text, m.start()) is not None
    )


def implied_subject(text: str, lo: int, hi: int) -> bool:
    """An English statement that starts with a verb leaves out "I", as notes and profiles
    do ("Took last year off for depression.", "Grew up in foster care.")."""
    if hi < len(text) and text[hi] == "?":
        return False
    if _opens_with_verb(text, WORD_RE.search(text, lo, hi)):
        return True
    # Or right after a heading's colon: "About me: took last year off for..."
    colon = text.find(":", lo, hi)
    return colon >= 0 and _opens_with_verb(text, WORD_RE.search(text, colon + 1, hi))


# After a heading's colon, "a" or "an" and a role with a past event is one particular member
# ("Inquiry: an employee legally changed her sex …"), not anyone ("An employee may …").
_NOTE_AN_RE = re.compile(
    r"an? (?:new )?(?:employee|worker|member|staff member|intern|trainee|volunteer|client)"
    r" (?:[a-z\-]+ )?(?:was|had|changed|got|lost|became|reported|told|disclosed|tested|underwent|"
    r"returned|suffered|spent|started|mentioned|informed|joined|ran)\b"
)


def note_subject(text: str, lo: int, hi: int) -> bool:
    """A case note's subject named by role ("Member is ...", "Note: volunteer J. Reyes was")."""
    first = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip())
    if _NOTE_SUBJECT_RE.match(text, first, hi):
        return True
    colon = text.find(":", lo, hi)
    if colon >= 0 and (
        _NOTE_SUBJECT_RE.match(text, colon + 2, hi) is not None
        or _NOTE_AN_RE.match(text, colon + 2, hi) is not None
    ):
        return True
    # "volunteer J. Reyes was": the initial's full stop ended a sentence.
    return _NOTE_INITIAL_RE.search(text, max(0, lo - 24), lo) is not None


# "Our Ainu member was refused service", "our Dalit liaison converted": one person named by a
# possessive, the term and a singular role noun (not "our LGBTQ employee network"). Two anchored
# look-ups, before and after the term, so a sentence is never searched.
_POSSESSIVE_BEFORE_RE = re.compile(r"\b(?:our|my|his|her|their) (?:[a-z\-]+ )?$")
_ROLE_AFTER_RE = re.compile(
    r"(?: [a-z\-]+)? (?:member|liaison|colleague|co-?worker|employee|engineer|technician|"
    r"trainee|intern|apprentice|treasurer|secretary|chair|director|manager|supervisor|"
    r"volunteer|driver|interpreter|translator|tenant|neighbou?r)\b"
    r"(?!'s? | (?:network|group|resource|forum|association|benefits?|handbook|survey|portal|"
    r"directory|list|program(?:me)?|policy|data|records?|training)\b)"
)


def own_role(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """The term [start, end) between a possessive and a role: one person named by them ("our
    plant manager" says nothing of "in the hospital" after it)."""
    return (
        _POSSESSIVE_BEFORE_RE.search(text, max(lo, start - 24), start) is not None
        and _ROLE_AFTER_RE.match(text, end, hi) is not None
    )


# "an applicant who told him upfront he served time": a role the writer tells of speaking is
# someone in particular, even after "if" (not "If an applicant had a conviction").
_SPOKE_RE = re.compile(
    r" who (?:told|tells|said|says|admitted|admits|disclosed|mentioned|informed|confessed|"
    r"explained|let (?:us|him|her|me) know)\b"
)


def anyone_in_role(text: str, cue: tuple[int, int]) -> bool:
    """A role with "a" or "an" ("If an applicant had a conviction") is anyone in that role."""
    return text.startswith(("a ", "an "), cue[0]) and _SPOKE_RE.match(text, cue[1]) is None
