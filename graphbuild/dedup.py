"""Find articles whose text is the same as, or nearly the same as, another's.

The same wire story reaches a corpus many times: saved twice under two
names, re-published with a new headline, lightly edited.  Extracting every
copy would count one happening many times, so :class:`DuplicateFinder`
flags each copy as ``duplicate_of`` the article it repeats, and the corpus
runner (:mod:`graphbuild.corpus`) does not extract it.

Two texts are compared on their words (case-folded, punctuation dropped):

* texts whose words are identical are duplicates whatever their length;
* texts of at least :data:`MIN_WORDS` words are near duplicates when the
  Jaccard similarity of their sets of :data:`SHINGLE_WORDS`-word shingles
  is at least :data:`THRESHOLD`, estimated with MinHash (``datasketch``)
  and found with locality-sensitive hashing, so each new text is compared
  with a few candidates, not with the whole corpus.  Shorter texts are
  compared exactly only: two one-sentence reports that differ by a name or
  a date are usually two happenings.

Which copy is kept does not depend on input order: of a group of copies the
one with the smallest document id (string order) is kept, and documents of
an earlier run (``--append``) always come first.  When a copy with a smaller
id arrives after one already extracted, the earlier-extracted one is
superseded and the caller drops its events (see :class:`Verdict`).

Examples
--------
>>> finder = DuplicateFinder()
>>> finder.check("b.txt", "Kerry met Lavrov in Geneva.")
Verdict(duplicate_of=None, superseded=[])
>>> finder.check("c.txt", "KERRY met Lavrov, in Geneva!")
Verdict(duplicate_of='b.txt', superseded=[])
>>> finder.check("a.txt", "Kerry met Lavrov in Geneva.")
Verdict(duplicate_of=None, superseded=['b.txt'])
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from .types import Extraction

__all__ = [
    "DuplicateFinder",
    "Verdict",
    "mark_duplicates",
    "words",
    "THRESHOLD",
    "MIN_WORDS",
    "SHINGLE_WORDS",
    "NUM_PERM",
]

#: Estimated Jaccard similarity of shingle sets at or above which two texts
#: are one article.  A re-publication with a new headline, a sentence added
#: and one reworded is at 0.80 on a 170-word story (the tests' example) and
#: higher on longer ones; a separately written report of the same meeting is
#: near 0, and the first half of an article against the whole at 0.5.  The
#: margin below 0.8 covers the estimate's error (about 0.05 with 64
#: permutations).
THRESHOLD = 0.7
#: Words per shingle.
SHINGLE_WORDS = 5
#: Texts shorter than this are compared exactly only.
MIN_WORDS = 50
#: MinHash permutations: the estimate's standard error at J = 0.8 is
#: about 0.05, and a signature is 256 bytes.
NUM_PERM = 64
_SEED = 1
_SCHEME = "affine32"

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of ``text``, case-folded, without punctuation.

    >>> words("Kerry met Lavrov, in Geneva!")
    ['kerry', 'met', 'lavrov', 'in', 'geneva']
    """
    return _WORD.findall(text.casefold())


@dataclass
class Verdict:
    """What :meth:`DuplicateFinder.check` found for one document.

    ``duplicate_of`` is the id of the kept document this one repeats (then
    it should not be extracted), or None.  ``superseded`` lists documents
    checked earlier, with larger ids, that repeat this one: they are now
    duplicates of it, and whatever was extracted from them should be dropped.
    """

    duplicate_of: str | None = None
    superseded: list[str] = field(default_factory=list)


class DuplicateFinder:
    """Remembers the documents seen so far and tells whether a new one repeats one of them.

    Parameters
    ----------
    threshold : float
        Estimated Jaccard similarity of shingle sets for a near duplicate.
    min_words : int
        Texts shorter than this are compared exactly only.
    """

    def __init__(self, *, threshold: float = THRESHOLD, min_words: int = MIN_WORDS) -> None:
        from datasketch import MinHash, MinHashLSH

        self.threshold = threshold
        self.min_words = max(min_words, SHINGLE_WORDS)
        self._template = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
        # 16 bands of 4 rows: a pair at J = 0.7 becomes a candidate with
        # probability 0.98 (datasketch's default split, 8 x 8, only 0.36);
        # every candidate is then checked against the threshold.
        self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(16, 4))
        self._signatures: dict[str, Any] = {}
        self._exact: dict[str, str] = {}  # words digest -> kept document id
        self._earlier: set[str] = set()  # documents of an earlier run: never superseded
        self.duplicates: dict[str, str] = {}  # document id -> the id it repeats

    # ------------------------------------------------------------------ #
    def signature(self, text: str) -> Any | None:
        """The MinHash of ``text``'s shingles, or None for a text shorter than ``min_words``."""
        from datasketch import MinHash

        ws = words(text)
        if len(ws) < self.min_words:
            return None
        shingles = {" ".join(ws[i:i + SHINGLE_WORDS]).encode("utf-8")
                    for i in range(len(ws) - SHINGLE_WORDS + 1)}
        m = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME,
                    permutations=self._template.permutations)
        m.update_batch(sorted(shingles))
        return m

    def fingerprint(self, doc_id: str) -> dict[str, str]:
        """What to store in the document's entry of an extraction to find its copies in a later run.

        ``{"minhash": <base64>}`` for a document long enough for a
        signature, else ``{}``.
        """
        m = self._signatures.get(doc_id)
        if m is None:
            return {}
        raw = np.asarray(m.hashvalues, dtype="<u4").tobytes()
        return {"minhash": base64.b64encode(raw).decode("ascii")}

    def load(self, documents: Iterable[Mapping[str, Any]]) -> None:
        """Register the documents of an earlier run (entries of ``Extraction.documents``).

        Their stored ``minhash`` signatures are indexed; they always count
        as earlier than the documents checked afterwards.
        """
        from datasketch import MinHash

        for entry in documents:
            doc_id = entry.get("id")
            if not doc_id or entry.get("duplicate_of"):
                continue
            self._earlier.add(doc_id)
            encoded = entry.get("minhash")
            if not encoded:
                continue
            try:
                values = np.frombuffer(base64.b64decode(encoded), dtype="<u4")
            except (ValueError, TypeError):
                continue  # a damaged signature only means this copy is not found again
            if len(values) != NUM_PERM:
                continue
            m = MinHash(seed=_SEED, scheme=_SCHEME, hashvalues=values.astype(np.uint32),
                        permutations=self._template.permutations)
            self._add(doc_id, m)

    # ------------------------------------------------------------------ #
    def check(self, doc_id: str, text: str) -> Verdict:
        """Register ``doc_id`` and say whether it repeats a document seen before.

        Parameters
        ----------
        doc_id : str
            Unique among the documents checked.
        text : str

        Returns
        -------
        Verdict
        """
        ws = words(text)
        exact = hashlib.sha1(" ".join(ws).encode("utf-8")).hexdigest()
        m = self.signature(text) if len(ws) >= self.min_words else None
        matches = set()
        if exact in self._exact:
            matches.add(self._exact[exact])
        if m is not None:
            for other in self._lsh.query(m):
                if other != doc_id and m.jaccard(self._signatures[other]) >= self.threshold:
                    matches.add(other)
        first = min(matches, key=self._order) if matches else None
        if first is not None and self._order(first) < self._order(doc_id):
            self.duplicates[doc_id] = first
            return Verdict(duplicate_of=first)
        # Kept: every match (all later by the stable order) now repeats this one.
        superseded = sorted(matches)
        for other in superseded:
            self._remove(other)
            self.duplicates[other] = doc_id
        for dup, kept in self.duplicates.items():
            if kept in matches:
                self.duplicates[dup] = doc_id
        self._exact[exact] = doc_id
        if m is not None:
            self._add(doc_id, m)
        return Verdict(superseded=superseded)

    def _order(self, doc_id: str) -> tuple[int, str]:
        return (0 if doc_id in self._earlier else 1, doc_id)

    def _add(self, doc_id: str, m: Any) -> None:
        self._signatures[doc_id] = m
        self._lsh.insert(doc_id, m)

    def _remove(self, doc_id: str) -> None:
        if doc_id in self._signatures:
            self._lsh.remove(doc_id)
            del self._signatures[doc_id]
        for key in [k for k, v in self._exact.items() if v == doc_id]:
            del self._exact[key]


def mark_duplicates(extraction: "Extraction", finder: DuplicateFinder,
                    skipped: Mapping[str, Mapping[str, Any]]) -> "Extraction":
    """Write what ``finder`` found into ``extraction`` (changed in place and returned).

    * every kept document's entry gets its ``minhash`` fingerprint (to find
      its copies in a later ``--append`` run);
    * every duplicate gets an entry with ``duplicate_of``: those in
      ``skipped`` (document id -> entry, not extracted) are added, and a
      document that was extracted before a copy with a smaller id superseded
      it loses its events, and its id leaves the ``docs`` of actors and
      places (an actor or place seen only there, in no remaining event, is
      dropped).

    Parameters
    ----------
    extraction : Extraction
        The merged result of a run.
    finder : DuplicateFinder
        The finder that checked the run's documents.
    skipped : mapping
        Entries (``Document.meta()`` plus ``sha1``) of the duplicates that were not extracted.
    """
    entries = {d["id"]: d for d in extraction.documents}
    for doc_id, entry in skipped.items():
        entries.setdefault(doc_id, dict(entry))
    for doc_id, entry in entries.items():
        kept_as = finder.duplicates.get(doc_id)
        if kept_as is not None:
            entry["duplicate_of"] = kept_as
            entry.pop("minhash", None)
        else:
            entry.update(finder.fingerprint(doc_id))
    gone = {d for d in finder.duplicates if d in entries and d not in skipped}
    if gone:
        extraction.events = [e for e in extraction.events if e.doc not in gone]
        used = {e.source_id for e in extraction.events} | {
            t for e in extraction.events for t in e.target_ids} | {
            e.place_id for e in extraction.events}
        for records in (extraction.actors, extraction.places):
            for r in records:
                r.docs = [d for d in r.docs if d not in gone]
        extraction.actors = [a for a in extraction.actors if a.docs or a.id in used]
        extraction.places = [p for p in extraction.places if p.docs or p.id in used]
    extraction.documents = sorted(entries.values(), key=lambda d: d["id"])
    return extraction
