"""A fast stand-in for spaCy's ``attribute_ruler``, limited to what extraction reads.

The English pipelines' attribute ruler maps fine-grained tags to coarse parts of
speech (``NN`` -> ``NOUN``) and corrects a few words by tag, word and dependency
("that"/``WDT`` -> ``PRON``, an auxiliary's ``POS`` -> ``AUX``).  It runs its
179 rules through a Matcher and writes morphology and lemmas as well, which
costs about an eighth of the whole parse of a news article.  Extraction reads
``pos_``, ``tag_`` and ``dep_`` only, so :class:`PosMapper` compiles the
ruler's rules that set those three attributes into dictionary lookups and
applies them with the same precedence (a later rule wins; every rule is matched
against the tokens as the parser left them).  Rules that only set ``MORPH`` or
``LEMMA`` are dropped.

:func:`compile_rules` returns ``None`` when a rule uses a pattern feature this
module does not implement; the caller then keeps the original ruler.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["PosMapper", "compile_rules"]

#: Token attributes a rule may test, in the order used to index rules.
_INDEX_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
#: Attributes the mapper writes; everything else a rule sets is ignored.
_WRITTEN = ("POS", "TAG", "DEP")

_Test = Callable[[Sequence[int]], bool]


@dataclass(frozen=True)
class _Rule:
    order: int          # position in the ruler: a later rule wins
    offset: int         # index of the written token within the pattern
    tests: tuple        # one tuple of (column, kind, value) per pattern token
    writes: tuple       # (column, value hash) pairs


def _column(key: str) -> int:
    return _INDEX_KEYS.index(key)


def _compile_token(spec: dict, strings) -> tuple | None:
    tests = []
    for key, value in spec.items():
        key = key.upper()
        if key not in _INDEX_KEYS:
            return None
        col = _column(key)
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append((col, "eq", int(value)))
        elif isinstance(value, str):
            tests.append((col, "eq", strings.add(value) if value else 0))
        elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
            op, items = next(iter(value.items()))
            hashes = frozenset(strings.add(v) if v else 0 for v in items)
            tests.append((col, op.lower(), hashes))
        else:
            return None
    return tuple(tests)


def compile_rules(patterns: list[dict], vocab: "Vocab") -> "PosMapper | None":
    """Compile an attribute ruler's ``patterns`` (``AttributeRuler.patterns``).

    Returns ``None`` if a rule that writes ``POS``, ``TAG`` or ``DEP`` uses
    anything but exact, ``IN`` or ``NOT_IN`` tests on ``TAG``, ``LOWER``,
    ``DEP`` and ``IS_SPACE``.
    """
    from spacy.symbols import IDS

    strings = vocab.strings
    rules: list[_Rule] = []
    for order, entry in enumerate(patterns):
        attrs = {k.upper(): v for k, v in entry.get("attrs", {}).items()}
        writes = []
        for name in _WRITTEN:
            if name in attrs:
                value = attrs[name]
                # POS values are symbol ids; TAG and DEP are string hashes.
                writes.append((name, IDS[value] if name == "POS" else strings.add(value)))
        if not writes:
            continue
        for alternative in entry["patterns"]:
            compiled = [_compile_token(spec, strings) for spec in alternative]
            if any(c is None for c in compiled):
                return None
            offset = entry.get("index", 0)
            if offset < 0:
                offset += len(alternative)
            rules.append(_Rule(order, offset, tuple(compiled), tuple(writes)))
    return PosMapper(rules)


def _passes(tests: tuple, row: Sequence[int]) -> bool:
    for col, kind, value in tests:
        got = row[col]
        if kind == "eq":
            if got != value:
                return False
        elif kind == "in":
            if got not in value:
                return False
        elif got in value:  # not_in
            return False
    return True


class PosMapper:
    """Sets ``pos``, ``tag`` and ``dep`` as the attribute ruler would; a spaCy component."""

    #: Distinct (tag, word, dependency, space) keys remembered between documents.
    CACHE_SIZE = 200_000

    def __init__(self, rules: list[_Rule]) -> None:
        self.rules = sorted(rules, key=_order)
        # Each rule is filed under one exact or IN test of the token it writes,
        # so a token only tries the rules that can match it.
        self._index: list[dict[int, list[_Rule]]] = [{} for _ in _INDEX_KEYS]
        self._always: list[_Rule] = []
        for rule in self.rules:
            key = self._index_test(rule.tests[rule.offset])
            if key is None:
                self._always.append(rule)
                continue
            col, values = key
            for v in values:
                self._index[col].setdefault(v, []).append(rule)
        # What the one-token rules write for a token's attributes, and which
        # longer rules remain to be tried around it, depend only on those
        # attributes: a news corpus repeats a few thousand such keys.
        self._cache: dict[tuple, tuple] = {}

    @staticmethod
    def _index_test(tests: tuple) -> tuple[int, Any] | None:
        for wanted in range(len(_INDEX_KEYS)):
            for col, kind, value in tests:
                if col == wanted and kind == "eq":
                    return col, (value,)
                if col == wanted and kind == "in":
                    return col, value
        return None

    def _plan(self, row: Sequence[int]) -> tuple:
        """(writes of the matching one-token rules, longer rules to try), both in rule order."""
        candidates = list(self._always)
        for col, value in enumerate(row):
            candidates.extend(self._index[col].get(value, ()))
        candidates.sort(key=_order)
        writes: dict[str, tuple[int, int]] = {}
        longer = []
        for rule in candidates:
            if len(rule.tests) > 1:
                longer.append(rule)
            elif _passes(rule.tests[0], row):
                for name, value in rule.writes:
                    writes[name] = (rule.order, value)
        return writes, tuple(longer)

    def __call__(self, doc: "Doc") -> "Doc":
        import numpy
        from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG

        n = len(doc)
        if not n:
            return doc
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        pos = doc.to_array([POS]).tolist()
        cache = self._cache
        if len(cache) > self.CACHE_SIZE:
            cache.clear()
        changed_tag: dict[int, int] = {}
        changed_dep: dict[int, int] = {}
        for i, row in enumerate(rows):
            key = tuple(row)
            plan = cache.get(key)
            if plan is None:
                plan = cache[key] = self._plan(row)
            writes, longer = plan
            if longer:
                writes = dict(writes)
                for rule in longer:
                    start = i - rule.offset
                    if start < 0 or start + len(rule.tests) > n:
                        continue
                    if all(_passes(t, rows[start + k]) for k, t in enumerate(rule.tests)):
                        for name, value in rule.writes:
                            if name not in writes or writes[name][0] < rule.order:
                                writes[name] = (rule.order, value)
            for name, (_, value) in writes.items():
                if name == "POS":
                    pos[i] = value
                elif name == "TAG":
                    changed_tag[i] = value
                else:
                    changed_dep[i] = value
        doc.from_array([POS], numpy.asarray(pos, dtype="uint64"))
        for i, value in changed_tag.items():
            doc[i].tag = value
        for i, value in changed_dep.items():
            doc[i].dep = value
        return doc


def _order(rule: _Rule) -> int:
    return rule.order
