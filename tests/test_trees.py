"""Dependency-tree helpers (trees.py) on hand-made trees."""

from __future__ import annotations

from quoteattr.conllu import document_from_trees, parse_trees
from quoteattr.document import Token
from quoteattr.trees import subject_of


def _subject(conllu: str, verb_id: int) -> Token | None:
    """:func:`subject_of` the word ``verb_id`` of the one tree in ``conllu``."""
    sentence = document_from_trees(list(parse_trees(conllu.splitlines()))).sentences[0]
    return subject_of(sentence, sentence.token(verb_id))


# A weak parse with two subjects on one verb: the participle phrase and the pronoun.
_TWO_SUBJECTS = """\
# sent_id = handmade-trees-1
# text = Refererend aan de motie, schrijft hij dat het zoek is.
1	Refererend	refereren	PROPN	_	_	6	nsubj	_	_
2	aan	aan	ADP	_	_	4	case	_	_
3	de	de	DET	_	_	4	det	_	_
4	motie	motie	NOUN	_	_	1	obl	_	SpaceAfter=No
5	,	,	PUNCT	_	_	6	punct	_	_
6	schrijft	schrijven	VERB	_	VerbForm=Fin	0	root	_	_
7	hij	hij	PRON	_	_	6	nsubj	_	_
8	dat	dat	SCONJ	_	_	11	mark	_	_
9	het	het	PRON	_	_	11	nsubj	_	_
10	zoek	zoek	ADJ	_	_	11	advmod	_	_
11	is	zijn	AUX	_	VerbForm=Fin	6	ccomp	_	SpaceAfter=No
12	.	.	PUNCT	_	_	6	punct	_	_

"""


def test_of_two_subjects_the_one_nearest_the_verb_wins() -> None:
    subject = _subject(_TWO_SUBJECTS, 6)
    assert subject is not None
    assert subject.text == "hij"


def test_the_agent_of_a_passive_wins_over_its_subject() -> None:
    conllu = """\
# sent_id = handmade-trees-2
# text = Het werd gezegd door Rutte.
1	Het	het	PRON	_	_	3	nsubj:pass	_	_
2	werd	worden	AUX	_	VerbForm=Fin	3	aux:pass	_	_
3	gezegd	zeggen	VERB	_	VerbForm=Part	0	root	_	_
4	door	door	ADP	_	_	5	case	_	_
5	Rutte	Rutte	PROPN	_	_	3	obl:agent	_	SpaceAfter=No
6	.	.	PUNCT	_	_	3	punct	_	_

"""
    subject = _subject(conllu, 3)
    assert subject is not None
    assert subject.text == "Rutte"


def test_a_fronted_dat_is_the_last_choice_among_subjects() -> None:
    conllu = """\
# sent_id = handmade-trees-3
# text = En dat gaf Jansen toe.
1	En	en	CCONJ	_	_	3	cc	_	_
2	dat	dat	PRON	_	_	3	nsubj	_	_
3	gaf	geven	VERB	_	VerbForm=Fin	0	root	_	_
4	Jansen	Jansen	PROPN	_	_	3	nsubj	_	_
5	toe	toe	ADP	_	_	3	compound:prt	_	SpaceAfter=No
6	.	.	PUNCT	_	_	3	punct	_	_

"""
    subject = _subject(conllu, 3)
    assert subject is not None
    assert subject.text == "Jansen"


def test_of_two_subjects_as_near_the_verb_the_first_wins() -> None:
    conllu = """\
# sent_id = handmade-trees-4
# text = De ambtenaar verklaarde dinsdagavond dat het kan.
1	De	de	DET	_	_	2	det	_	_
2	ambtenaar	ambtenaar	NOUN	_	_	3	nsubj	_	_
3	verklaarde	verklaren	VERB	_	VerbForm=Fin	0	root	_	_
4	dinsdagavond	dinsdagavond	NOUN	_	_	3	nsubj	_	_
5	dat	dat	SCONJ	_	_	7	mark	_	_
6	het	het	PRON	_	_	7	nsubj	_	_
7	kan	kunnen	AUX	_	VerbForm=Fin	3	ccomp	_	SpaceAfter=No
8	.	.	PUNCT	_	_	3	punct	_	_

"""
    subject = _subject(conllu, 3)
    assert subject is not None
    assert subject.text == "ambtenaar"


def test_a_door_phrase_under_a_passive_is_the_agent_whatever_its_label() -> None:
    conllu = """\
# sent_id = handmade-trees-5
# text = Door de minister werd gezegd dat het kan.
1	Door	door	ADP	_	_	3	case	_	_
2	de	de	DET	_	_	3	det	_	_
3	minister	minister	NOUN	_	_	5	obl	_	_
4	werd	worden	AUX	_	_	5	aux:pass	_	_
5	gezegd	zeggen	VERB	_	VerbForm=Part	0	root	_	_
6	dat	dat	SCONJ	_	_	8	mark	_	_
7	het	het	PRON	_	_	8	nsubj	_	_
8	kan	kunnen	VERB	_	VerbForm=Fin	5	ccomp	_	SpaceAfter=No
9	.	.	PUNCT	_	_	5	punct	_	_

"""
    subject = _subject(conllu, 5)
    assert subject is not None
    assert subject.text == "minister"
    # Without the passive auxiliary a ``door`` phrase is a cause, not a speaker.
    assert _subject(conllu.replace("aux:pass", "aux"), 5) is None


def test_of_two_subjects_a_noun_beats_an_adjective() -> None:
    conllu = """\
# sent_id = handmade-trees-6
# text = Zaterdag meldde Buitenlandse Zaken het.
1	Zaterdag	zaterdag	PROPN	_	_	2	advmod	_	_
2	meldde	melden	VERB	_	VerbForm=Fin	0	root	_	_
3	Buitenlandse	buitenlands	ADJ	_	_	2	nsubj	_	_
4	Zaken	zaak	NOUN	_	_	2	nsubj	_	_
5	het	het	PRON	_	_	2	obj	_	SpaceAfter=No
6	.	.	PUNCT	_	_	2	punct	_	_

"""
    subject = _subject(conllu, 2)
    assert subject is not None
    assert subject.text == "Zaken"


_TIME_SUBJECT = """\
# sent_id = handmade-trees-4
# text = Vorige maand zei de minister dat het klopt.
1	Vorige	vorig	ADJ	_	_	2	amod	_	_
2	maand	maand	NOUN	_	_	3	nsubj	_	_
3	zei	zeggen	VERB	_	VerbForm=Fin	0	root	_	_
4	de	de	DET	_	_	5	det	_	_
5	minister	minister	NOUN	_	_	3	nsubj	_	_
6	dat	dat	SCONJ	_	_	8	mark	_	_
7	het	het	PRON	_	_	8	nsubj	_	_
8	klopt	kloppen	VERB	_	VerbForm=Fin	3	ccomp	_	SpaceAfter=No
9	.	.	PUNCT	_	_	3	punct	_	_

"""


def test_a_noun_of_time_is_no_subject() -> None:
    # Nearer the verb than the real subject, still not it.
    subject = _subject(_TIME_SUBJECT, 3)
    assert subject is not None
    assert subject.text == "minister"
    # As the only subject: the verb has none.
    assert _subject(_ONLY_TIME_SUBJECT, 4) is None


_ONLY_TIME_SUBJECT = """\
# sent_id = handmade-trees-5
# text = De laatste keer dreigde ondertoezichtstelling.
1	De	de	DET	_	_	3	det	_	_
2	laatste	laat	ADJ	_	_	3	amod	_	_
3	keer	keer	NOUN	_	_	4	nsubj	_	_
4	dreigde	dreigen	VERB	_	VerbForm=Fin	0	root	_	_
5	ondertoezichtstelling	ondertoezichtstelling	NOUN	_	_	4	obj	_	SpaceAfter=No
6	.	.	PUNCT	_	_	4	punct	_	_

"""


# A weak parse: the particle of ``'t Hooft`` as a pronoun, a second subject beside the name.
_PARTICLE_SUBJECT = """\
# sent_id = handmade-trees-particle
# text = Het kan, zei 't Hooft.
1	Het	het	PRON	_	_	2	nsubj	_	_
2	kan	kunnen	VERB	_	VerbForm=Fin	0	root	_	SpaceAfter=No
3	,	,	PUNCT	_	_	4	punct	_	_
4	zei	zeggen	VERB	_	VerbForm=Fin	2	parataxis	_	_
5	't	het	PRON	_	_	4	nsubj	_	_
6	Hooft	Hooft	PROPN	_	_	4	nsubj	_	SpaceAfter=No
7	.	.	PUNCT	_	_	2	punct	_	_

"""


def test_a_pronoun_right_before_a_name_subject_opens_the_name() -> None:
    subject = _subject(_PARTICLE_SUBJECT, 4)
    assert subject is not None
    assert subject.text == "Hooft"


# A weak parse: the subject after the verb taken for its object, a fronted plural the subject.
_INVERTED_SUBJECT = """\
# sent_id = handmade-trees-agreement
# text = Anders dan de partijen vindt Jetten dat het moet.
1	Anders	anders	ADV	_	_	5	advmod	_	_
2	dan	dan	SCONJ	_	_	4	mark	_	_
3	de	de	DET	_	_	4	det	_	_
4	partijen	partij	NOUN	_	Number=Plur	5	nsubj	_	_
5	vindt	vinden	VERB	_	Number=Sing|VerbForm=Fin	0	root	_	_
6	Jetten	Jetten	PROPN	_	Number=Sing	5	obj	_	_
7	dat	dat	SCONJ	_	_	9	mark	_	_
8	het	het	PRON	_	_	9	nsubj	_	_
9	moet	moeten	VERB	_	Number=Sing|VerbForm=Fin	5	ccomp	_	SpaceAfter=No
10	.	.	PUNCT	_	_	5	punct	_	_

"""


def test_a_subject_that_disagrees_with_the_verb_yields_to_an_agreeing_object() -> None:
    subject = _subject(_INVERTED_SUBJECT, 5)
    assert subject is not None
    assert subject.text == "Jetten"
    # Where the number agrees, the parse's subject stands.
    plural = _INVERTED_SUBJECT.replace(
        "Number=Sing|VerbForm=Fin\t0\troot", "Number=Plur|VerbForm=Fin\t0\troot"
    )
    subject = _subject(plural, 5)
    assert subject is not None
    assert subject.text == "partijen"
