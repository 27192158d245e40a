"""Small queries on dependency trees that the cue rules and speaker resolution share."""

from __future__ import annotations

from collections.abc import Iterable

from quoteattr.document import Sentence, Token
from quoteattr.names import TIME_NOUNS, TIME_WORDS

__all__ = [
    "children",
    "first_child",
    "subject_of",
    "mention_tokens",
    "span_of",
    "is_punct",
    "is_time_noun",
    "relative_clause_of",
    "tokens_between",
    "NOT_SPEAKER_PREPOSITIONS",
    "PARTITIVES",
    "not_speaker_preposition",
]

SUBJECT_RELS = ("nsubj", "nsubj:pass", "csubj")
# Particles that open Dutch surnames (``'t Hooft``, ``de Jong``, ``ter Horst``).
_NAME_PARTICLES = frozenset({"'t", "de", "den", "der", "ten", "ter", "te", "van"})
# ``een daarvan``, ``twee ervan``: "of them" as one word after a number.
PARTITIVES = frozenset({"daarvan", "ervan", "hiervan", "waarvan"})
_NAME_RELS = ("flat", "flat:name", "compound", "fixed")
# Left dependents that belong to a noun phrase mention (``de nieuwe minister``).
_NP_LEFT_RELS = ("det", "amod", "nummod", "nmod:poss", "compound", "flat", "advmod")
# Right dependents kept in a mention (``een woordvoerder van Tesco``); clauses are not.
_NP_RIGHT_RELS = ("nmod", "flat", "flat:name", "compound", "amod", "nummod", "case", "det", "fixed")


def is_punct(token: Token) -> bool:
    return token.upos == "PUNCT" or token.deprel == "punct"


def children(sentence: Sentence, token: Token, *rels: str) -> list[Token]:
    """Dependents of ``token`` whose relation (or its base before ``:``) is in ``rels``."""
    return [
        t
        for t in sentence.tokens
        if t.head == token.id and (not rels or t.deprel in rels or t.deprel.split(":")[0] in rels)
    ]


def first_child(sentence: Sentence, token: Token, *rels: str) -> Token | None:
    found = children(sentence, token, *rels)
    return found[0] if found else None


_FRONTED_OBJECTS = frozenset({"dat", "dit", "het", "wat"})


def _door_phrase_of_passive(sentence: Sentence, verb: Token) -> Token | None:
    """``Door de minister werd gezegd …`` parsed with a plain ``obl``: under a passive auxiliary
    the ``door`` phrase is the agent."""
    if not children(sentence, verb, "aux:pass"):
        return None
    return next(
        (
            t
            for t in children(sentence, verb, "obl")
            if any(c.text.lower() == "door" for c in children(sentence, t, "case"))
        ),
        None,
    )


def relative_clause_of(sentence: Sentence, token: Token) -> Token | None:
    """The head of the relative clause (``acl:relcl``) that holds ``token``, itself included, or None."""
    return next((t for t in (token, *sentence.ancestors(token.id)) if t.deprel == "acl:relcl"), None)


def is_time_noun(token: Token) -> bool:
    """``keer``, ``maand``, ``jaar``: a noun of time (a time adverb's head, never a speaker)."""
    return token.upos == "NOUN" and (token.lemma or token.text).lower() in TIME_NOUNS


def _agreeing_object(sentence: Sentence, verb: Token, subject: Token) -> Token | None:
    """``Anders dan de coalitiepartijen vindt Jetten dat …`` parsed with ``Jetten`` as object: a
    finite verb agrees in number with its subject, so where the parse's subject disagrees and a
    noun or name right after the verb agrees, that word is the subject."""
    number = verb.feat("Number")
    if verb.feat("VerbForm") != "Fin" or number is None or subject.id > verb.id:
        return None
    if subject.feat("Number") in (None, number):
        return None
    following = sentence.tokens[verb.id : verb.id + 3]
    for token in following:
        if (
            token.deprel == "obj"
            and token.upos in ("NOUN", "PROPN")
            and token.feat("Number") in (number, None)
        ):
            # A name has no number of its own in some tags; it is singular.
            if token.feat("Number") is None and (token.upos != "PROPN" or number != "Sing"):
                return None
            return token
        if token.upos not in ("DET", "ADJ", "NUM"):
            return None
    return None


def subject_of(sentence: Sentence, verb: Token) -> Token | None:
    """The speaker-side argument of ``verb``.

    The agent of a passive (``werd gezegd door X``) wins over the passive subject;
    otherwise the subject, looked for on the verb, then up through ``xcomp``/``conj``
    heads (``X wilde zeggen …``, ``X kwam binnen en zei …``).
    """
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        agent = first_child(sentence, current, "obl:agent") or _door_phrase_of_passive(sentence, current)
        if agent is not None:
            return agent
        for rel in ("nsubj", "csubj"):
            subjects = [t for t in children(sentence, current) if t.deprel == rel]
            # ``Vorige maand zei de minister``: a noun of time is an adverb the parse took for a
            # subject; with no other subject the verb has none.
            untimed = [t for t in subjects if not is_time_noun(t)]
            if subjects and not untimed:
                return None
            subjects = untimed
            if subjects:
                # Two subjects is a parse error. A fronted ``dat`` is the last choice (``en dat
                # gaf De Jonge toe``: the object), a noun or pronoun beats a word of another kind
                # (``meldde Buitenlandse Zaken``, the adjective a second subject), then the one
                # nearest the verb (``Refererend aan …, schrijft hij``), and of two as near the
                # first (``De ambtenaar verklaarde dinsdagavond``).
                anchor = current.id
                # ``zei 't Hooft``: a name particle the tagger took for a pronoun or article, right
                # before a name subject, opens the name (``treffen we Boris Johnson`` keeps ``we``).
                named = {t.id - 1 for t in subjects if t.upos == "PROPN"}
                subjects = [t for t in subjects if not (t.id in named and t.text.lower() in _NAME_PARTICLES)]
                chosen = min(
                    subjects,
                    key=lambda t: (
                        t.text.lower() in _FRONTED_OBJECTS,
                        t.upos not in ("NOUN", "PROPN", "PRON"),
                        abs(t.id - anchor),
                        t.id,
                    ),
                )
                return _agreeing_object(sentence, current, chosen) or chosen
        if current.deprel in ("xcomp", "conj", "ccomp") and current.head:
            if current.deprel == "ccomp":
                return None
            current = sentence.token(current.head)
            continue
        # Auxiliaries and modals sometimes carry the subject in predicted trees.
        for aux in children(sentence, current, "aux", "cop"):
            subject = first_child(sentence, aux, "nsubj")
            if subject is not None:
                return subject
        return None
    return None


def _collect(sentence: Sentence, head: Token, rels: Iterable[str], keep: set[int]) -> None:
    for child in children(sentence, head):
        if child.deprel in rels or child.deprel.split(":")[0] in rels:
            if child.id in keep:
                continue
            keep.add(child.id)
            _collect(sentence, child, rels, keep)


# Prepositions that never join a phrase to a speaker mention (``een woordvoerder van Tesco`` and
# ``de politiechef in Deventer`` do): ``volgens bronnen naar Den Haag``.
NOT_SPEAKER_PREPOSITIONS = frozenset({"naar", "met", "over", "tegen", "aan", "onder", "tot", "zonder"})


def not_speaker_preposition(token: Token) -> bool:
    """Whether ``token`` is a preposition that starts no part of a speaker mention."""
    return token.upos == "ADP" and token.text.lower() in NOT_SPEAKER_PREPOSITIONS


def mention_tokens(sentence: Sentence, head: Token) -> list[Token]:
    """The tokens of the speaker mention headed by ``head``.

    A proper name wins: ``directeur Cath de Hondt`` gives ``Cath de Hondt`` and
    ``de heer Den Uyl`` gives ``Den Uyl``. Otherwise the noun phrase without clauses
    (``een woordvoerder van Tesco``), or the pronoun itself.
    """
    if head.upos == "PRON":
        return [head]
    if head.upos != "PROPN":
        for child in children(sentence, head, "appos", "flat", "nmod"):
            # ``bronnen naar Den Haag``, ``de politiechef in Deventer``: a name behind a preposition
            # is a place or an employer, no name of the noun.
            behind = bool(children(sentence, child, "case"))
            # ``meldt de voorzitter donderdag``: a day or month tagged as a name is a time.
            time = child.text.lower() in TIME_WORDS
            if (
                child.upos == "PROPN"
                and child.id > head.id
                and child.id - head.id <= 2
                and not behind
                and not time
            ):
                return mention_tokens(sentence, child)
    keep = {head.id}
    if head.upos == "PROPN":
        _collect(sentence, head, (*_NAME_RELS, "appos"), keep)
        names = [t for t in sentence.tokens if t.id in keep]
        # Keep the contiguous run around the head: an appositive after a comma is no part of it.
        return _contiguous(sentence, names, head)
    _collect(sentence, head, _NP_RIGHT_RELS, keep)
    following = sentence.tokens[head.id] if head.id < len(sentence.tokens) else None
    if head.upos in ("DET", "NUM") and following is not None and following.text.lower() in PARTITIVES:
        # ``een daarvan``: a numeral speaks with its partitive, wherever the parse hung it.
        keep.add(following.id)
    for child in children(sentence, head):
        if child.id < head.id and child.deprel.split(":")[0] in _NP_LEFT_RELS:
            keep.add(child.id)
            _collect(sentence, child, _NP_RIGHT_RELS, keep)
    tokens = [t for t in sentence.tokens if t.id in keep and not is_punct(t)]
    tokens = [t for t in tokens if not (t.deprel == "case" and t.id < head.id and t.head == head.id)]
    return _contiguous(sentence, tokens, head)


def _contiguous(sentence: Sentence, tokens: list[Token], head: Token) -> list[Token]:
    ids = {t.id for t in tokens}
    start = end = head.id
    while start - 1 in ids:
        start -= 1
    while end + 1 in ids:
        end += 1
    return [sentence.token(i) for i in range(start, end + 1)]


def span_of(tokens: Iterable[Token]) -> tuple[int, int]:
    items = list(tokens)
    return min(t.start for t in items), max(t.end for t in items)


def tokens_between(sentence: Sentence, start: int, end: int) -> list[Token]:
    """Tokens lying fully inside the character range ``[start, end)``."""
    return [t for t in sentence.tokens if t.start >= start and t.end <= end]
