"""The resolve stage: source mentions become document-level speakers.

:func:`resolve` takes extract's :class:`~attribution.model.Extraction` (the parsed document,
its quotations and attributions) and returns a :class:`~attribution.model.Resolved`
in which every attribution whose source can be tied to someone carries
``speaker="s1"``, ``"s2"``, ... and the document has one :class:`Speaker` per
person, organisation or unnamed source that is cited.

How it works (no named-entity recognition is needed; stanza NER tags are used
as extra evidence when the model set has them):

0. **Repairs.**  Sentence splits inside a name ("Senator Maria | Lopez said",
   "Col. | Ahmed") are undone and possessives split in the wrong place by the
   tokenizer ("Clinto" + "n's") get their word back, so later steps see names
   whole.  Title Case headlines count a capital only on words the article never
   writes in lower case.
1. **Introductions.**  Every sentence is scanned for proper-name runs: tokens
   tagged PROPN, capitalised words inside a sentence, title words
   (``people.toml [titles]``), name particles ("de", "bin") and, for
   organisations, connectors ("Observatory *for* Human Rights", "Russia*'s*
   Defense Ministry").  A run is split into *title* (the last title before the
   name: "U.S. Army Col. Ryan Dillon" -> title "Col.", name "Ryan Dillon", with
   "U.S. Army" kept as a weak affiliation) and *name*.
2. **Person or organisation.**  Decided in this order: a title makes a person;
   a known organisation name, a country/capital (``[organizations] places``),
   an organisation head word ("Ministry", "Nations", "Observatory") or an
   acronym ("SDF", "U.N.") makes an organisation; a place head ("River",
   "Province") or a run after "in/near/across" makes a place; an NER tag
   decides when present; a run after "the" is an organisation; anything else
   (usually "Dillon", "Ryan Dillon") is a person.  A lone word that matches
   the surname of a person named elsewhere is that person.
3. **Roles and affiliations** are read around each person run: appositions
   ("X, a spokesman for Y," -> role spokesman, affiliation Y; "X, the ministry's
   spokesman" -> affiliation = the organisation named earlier whose name holds
   "Ministry"; "X, the dean of the journalism school" -> an unlisted noun is a
   role too; "a professor of history at American University" -> the
   institution, not the field), a role noun before the name ("Defense Ministry
   spokesman Igor Konashenkov"; also an unlisted person noun such as "retired
   neurosurgeon Ben Carson", "front-runner Donald Trump"), a preceding
   apposition ("The ministry's spokesman, Igor Konashenkov,") and "X of/from Y"
   / "X at <organisation>".  Explicit "for/of Y" beats a possessive, which beats
   a pre-modifier, which beats the words before a title.
4. **Entities.**  Runs are merged into entities: equal names, a surname alone
   ("Dillon") or a variant spelling of it ("Konashenkow", rapidfuzz ratio >= 85)
   join the full name (the most recently named one when two share a surname;
   different first names never join); every mention text is kept, so the
   name-inconsistency rule sees both spellings.  A run that extends a known
   full name ("Glenn Beck Blasts Drudge" in a headline) joins that name.
   Organisation names join when equal, nearly equal, or when one is a
   word-suffix of the other ("Defense Ministry" / "Russia's Defense Ministry").
5. **Sources.**  Each attribution's source span is reduced to its head word:
   a name run -> that entity; a pronoun -> the best earlier antecedent (below);
   a relative pronoun ("X, the ministry's spokesman, who said") -> its
   antecedent; a possessor before a head that names no one ("his statement",
   "Russia's concerns") -> the possessor; a role noun ("the spokesman", "a
   coalition spokesman", "the senator") -> the named person holding that role
   (from an apposition, a role noun before the name, or the office a title names:
   "Sen." -> senator) with a compatible affiliation, found earlier in the
   article or at most two sentences later (the lede pattern), an indefinite
   role noun only then or when both affiliations are given and agree; an
   unnamed-source noun ("officials", "an SDF commander", "people familiar with
   ...") -> an anonymous speaker named by its description (the same description,
   or a definite "the official" after "a senior official", is the same speaker);
   a definite epithet with no holder ("the Republican presidential candidate",
   "the ranting radio host") -> the person a "he/she" would take (a bare "the
   spokesman" stays unresolved);
   an organisation noun ("the ministry") -> the organisation named earlier with
   that head word, a generic one ("the group", "the company") -> the
   organisation an "it" would take, else an organisation speaker named by the
   description ("the coalition").
6. **Pronouns.**  he/she/his/her look for persons (and singular unnamed
   sources), it/its for organisations, they/their for organisations and groups
   first.  Candidates are earlier mentions within twelve sentences (names,
   earlier sources, and unnamed people in subject position: "Others were
   unapologetic in their ..."); the score is the sentence distance plus a
   penalty for mentions that are neither sources in subject position nor
   grammatical subjects, that sit inside someone else's reported content, or
   inside a quotation (unless the pronoun is in one too).  Gender is used only
   when known: Mr./Ms., spokesman/spokeswoman, a common first name
   (``[gender]`` lists), or an earlier he/she resolved to the entity.  "I"/"we"
   inside a quotation take the quotation's speaker.
7. **Anonymity reasons** ("spoke on condition of anonymity because ...", "who
   was not authorized to ...") are linked to the nearest unnamed speaker in the
   same sentence, else in the next or previous one.
8. **Unattributed quotations.**  With the speakers linked, each of extract's
   quotations that no attribution covers is checked for a speaker given nearby
   (adjacent sentence or paragraph, action beats, Q&A, credit lines, quote runs);
   those without one are ``Resolved.unattributed`` (:mod:`.unattributed`), which
   the unattributed-quote and quoted-fragment rules report.

A source that cannot be tied to anyone (a pronoun with no antecedent, a bare
"the spokesman" with nobody holding that role) keeps ``speaker=None``; the
check stage reports it as ``unresolved-source``.  Speaker ids follow the order
in which speakers are first cited as a source; the output is deterministic.

The word lists are data in ``attribution/data/people.toml``, loaded and validated by
:mod:`attribution.vocab` (:func:`~attribution.vocab.load_people`, :class:`~attribution.vocab.People`;
a malformed file raises :class:`~attribution.vocab.DataFileError` naming the file and line).

The package: one module per step, each with a docstring that says its approach, in the
order :func:`resolve` runs them:

- :mod:`.document`: repairs (0), quotation regions, read-only text lookups;
- :mod:`.names`: name runs (1, 2); :mod:`.roles`: roles and affiliations (3);
- :mod:`.entities`: the entity table (4), the only mutable objects;
- :mod:`.linking` and :mod:`.descriptions`: source linking (5); :mod:`.salience`: pronouns (6);
- :mod:`.anonymity`: anonymity decisions and reasons (7); :mod:`.speakers`: the output records
  and each link's confidence;
- :mod:`.unattributed`: quotations whose speaker the text does not give (8), with
  :mod:`.quote_text` (the text around a quotation) and :mod:`.view` (read-only lookups over a
  resolved document, which the check rules share);
- :mod:`.resolver` joins the steps over one document; :mod:`.records` and :mod:`.words` hold
  the records and word classes they share.
"""
from __future__ import annotations

import dataclasses

from ..model import Extraction, Resolved
from .anonymity import anonymity, anonymity_reason, unnamed_evidence, unnamed_share
from ..vocab import People, load_people
from .person_names import person_names, unresolved_descriptions
from .salience import AMBIGUOUS, FAR
from .speakers import cited_order, linked_attributions, speaker_records
from .unattributed import unattributed_quotes

__all__ = ["resolve", "anonymity", "anonymity_reason", "unnamed_evidence", "unnamed_share", "AMBIGUOUS", "FAR"]


def resolve(extraction: Extraction, lexicon=None, *, people: People | None = None) -> Resolved:
    """Link each attribution's source mention to a document-level speaker.

    Args:
        extraction: what extract found: the parsed document, its quotations and its
            attributions, in any order (the output keeps it).
        lexicon: the cue lexicon (accepted for the stage signature; the
            person/organisation vocabulary is ``people.toml``).
        people: another word list (tests); default ``attribution/data/people.toml``.

    Returns:
        :class:`Resolved` with ``speaker`` set on every attribution that could be
        tied to someone and one :class:`Speaker` per cited entity, numbered in the
        order they are first cited.

    Notes:
        The heuristics are described in the module docstring.  Pronoun scoring
        follows the salience ranking of Lappin and Leass (1994), reduced to
        recency, grammatical subject and embedding (quotation/reported content).
    """
    from .resolver import _Resolver  # the steps (rapidfuzz): not loaded by the rules' imports of .view

    doc, attributions = extraction.document, list(extraction.attributions)
    people = people or load_people()
    resolver = _Resolver(doc, people, attributions, extraction.quotations)  # repairs, quotation regions
    resolver.scan()                                  # name runs, roles and affiliations
    resolver.build_entities()                        # the entity table
    links = resolver.resolve_all()                   # source linking, salience for pronouns
    cited = cited_order(attributions, links)
    resolver.reasons({id(e): e for e in cited})      # anonymity reasons
    resolver.named_next(cited)                       # unnamed individuals the next sentences name
    ids = {id(e): f"s{n}" for n, e in enumerate(cited, 1)}
    speakers = speaker_records(doc.source.text, cited, ids, people, tuple(s.end for s in doc.sentences))
    linked = linked_attributions(attributions, links, ids, resolver.confidence)
    resolved = Resolved(document=doc, attributions=linked, speakers=speakers,
                        quotations=extraction.quotations, person_names=person_names(doc.source.text, people),
                        unresolved_descriptions=unresolved_descriptions(doc.source.text, linked, speakers))
    persons = tuple((r.start, r.end, r.tentative, _known_person(r)) for r in resolver.runs   # step 8's doubts
                    if (r.entity.kind if r.entity is not None else r.kind) == "person")
    return dataclasses.replace(resolved, unattributed=unattributed_quotes(resolved, lexicon, persons))  # step 8


def _known_person(run) -> bool:
    """A name run resolve has evidence is a person's beyond its capitals: a title or office, a
    role, or a gender (a known first name, a title, a pronoun that refers to it)."""
    e = run.entity
    return bool(run.title or run.office or run.role or
                (e is not None and (e.gender or e.title or e.role)))
