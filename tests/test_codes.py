"""graphbuild.codes: CAMEO actor codes from the bundled dictionaries, and affiliation ties in the graph."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from graphbuild.codes import ActorCode, code_actor, code_actors, codes_conflict, default_codebook
from graphbuild.export import read_extraction_json, write_extraction_json, write_gexf, write_graphml, \
    write_node_link_json
from graphbuild.graph import actors_table, aggregate, build_graph, centrality, events_table, \
    graph_from_json, min_weight
from graphbuild.render import page_data
from graphbuild.types import Actor, Event, Extraction


@pytest.fixture(scope="module")
def book():
    return default_codebook()


def state(book, name):
    return code_actor(name, "state", book=book)


# (label, type, keyword arguments) -> (country, sectors, code)
CASES = [
    # states, by any name the gazetteer or the dictionaries know
    ("Australia", "state", {}, ("AUS", [], "AUS")),
    ("United States", "state", {}, ("USA", [], "USA")),
    # organizations: a demonym or country in the name, the last role noun
    ("Australian Government", "organization", {}, ("AUS", ["GOV"], "AUSGOV")),
    ("Australian Federal Police", "organization", {}, ("AUS", ["COP"], "AUSCOP")),
    ("Israeli army", "organization", {}, ("ISR", ["MIL"], "ISRMIL")),
    ("Syrian rebels", "group", {}, ("SYR", ["REB"], "SYRREB")),
    # an unnamed national body is the home state's
    ("Federal Government", "organization", {"home": "AUS"}, ("AUS", ["GOV"], "AUSGOV")),
    ("Government", "organization", {"home": "AUS"}, ("AUS", ["GOV"], "AUSGOV")),
    ("Supreme Court", "organization", {"home": "USA"}, ("USA", ["JUD"], "USAJUD")),
    ("Police", "organization", {}, (None, ["COP"], "---COP")),
    # ... but a home state does not make a company or a club national
    ("Phillips Petroleum", "organization", {"home": "AUS"}, (None, [], None)),
    # named bodies of the dictionaries
    ("United Nations", "organization", {}, (None, ["IGO"], "IGOUNO")),
    ("UN Security Council", "organization", {}, (None, ["IGO"], "IGOUNO")),
    ("Al Qaeda", "group", {}, (None, ["IMG"], "IMGMUSALQ")),
    ("al-Qaeda", "group", {}, (None, ["IMG"], "IMGMUSALQ")),
    ("Hezbollah", "group", {}, ("LBN", ["REB"], "LBNREB")),
    # people: named actors of the dictionaries, for the document's date
    ("John Howard", "person", {"date": "2001-10-01"}, ("AUS", ["GOV"], "AUSGOV")),
    ("John Howard", "person", {"date": "1990-10-01"}, ("AUS", ["ELI"], "AUSELI")),
    ("Hamid Karzai", "person", {"date": "2002-02-01"}, ("AFG", ["GOV"], "AFGGOV")),
    ("Kofi Annan", "person", {"date": "2001-12-01"}, (None, ["IGO"], "IGOUNO")),
    # a date before every office the dictionary dates: still that person, of that country; the
    # title gives the sector, and a country read off the context does not make another one
    ("Alexander Downer", "person", {"date": "2001-06-01"}, ("AUS", [], "AUS")),
    ("Alexander Downer", "person", {"date": "2001-06-01", "title": "Foreign Minister", "affiliation": "India"},
     ("AUS", ["GOV"], "AUSGOV")),
    # ... a title's role noun, the affiliation's country
    ("Alexander Downer", "person", {"title": "Foreign Minister", "affiliation": "Australia"},
     ("AUS", ["GOV"], "AUSGOV")),
    ("Ehud Barak", "person", {"title": "Deputy Prime Minister", "affiliation": "Israel"},
     ("ISR", ["GOV"], "ISRGOV")),
    ("Carmen Lawrence", "person", {"title": "Federal Labor MP", "affiliation": "Australia"},
     ("AUS", ["LEG"], "AUSLEG")),
    # an undated article: the dictionary's government office, unless the title or the body served says more
    ("Saddam Hussein", "person", {}, ("IRQ", ["GOV"], "IRQGOV")),
    ("Paul Wolfowitz", "person", {"title": "Deputy Defence Secretary"}, (None, ["GOV", "MIL"], "---GOVMIL")),
    ("Opposition", "organization", {"home": "AUS"}, ("AUS", ["OPP"], "AUSOPP")),
    # a team's captain is no soldier
    ("Mark Boucher", "person", {"title": "vice-captain", "affiliation": "South Africa"}, ("ZAF", [], "ZAF")),
    ("Guy Forget", "person", {"title": "team captain", "affiliation": "France"}, ("FRA", [], "FRA")),
    ("Peter Cosgrove", "person", {"title": "Captain", "affiliation": "Australia"}, ("AUS", ["MIL"], "AUSMIL")),
    # a surname alone is nobody in particular
    ("Phillips", "person", {}, (None, [], None)),
    ("Walter Phillips", "person", {}, (None, [], None)),
]


@pytest.mark.parametrize("label,type_,kw,expected", CASES, ids=[f"{c[0]}-{c[2].get('date', '')}" for c in CASES])
def test_code_actor(book, label, type_, kw, expected):
    kw = dict(kw)
    if "affiliation" in kw:
        kw["affiliation"] = state(book, kw["affiliation"])
    got = code_actor(label, type_, book=book, **kw)
    assert (got.country, list(got.sectors), got.code) == expected


def test_a_person_takes_the_sector_of_the_body_served_before_an_undated_guess(book):
    opposition = code_actor("Federal Opposition", "organization", home="AUS", book=book)
    crean = code_actor("Simon Crean", "person", title="leader", affiliation=opposition, book=book)
    assert crean.code == "AUSOPP"


def test_a_head_of_a_non_state_body_is_of_that_body(book):
    airline = code_actor("Qantas Airways", "organization", book=book)
    chief = code_actor("Geoff Dixon", "person", title="Chief executive", affiliation=airline, book=book)
    assert (airline.sectors, chief.sectors) == (("BUS",), ("BUS",))


def test_an_igo_official_is_coded_by_the_body(book):
    un = code_actor("United Nations", "organization", book=book)
    envoy = code_actor("Staffan de Mistura", "person", title="UN special envoy", affiliation=un, book=book)
    assert envoy.code.startswith("IGOUNO") and envoy.country is None


def test_codes_conflict():
    aus, usa = ActorCode.of("AUS", ["GOV"]), ActorCode.of("USA", ["GOV"])
    assert codes_conflict(aus, usa)
    assert not codes_conflict(aus, ActorCode.of("AUS", ["MIL"]))
    assert not codes_conflict(aus, ActorCode())
    assert codes_conflict(ActorCode.of(None, ["IGO"], "IGOUNO"), ActorCode.of(None, ["IGO"], "IGOWSTNAT"))


def test_code_actors_gives_a_head_of_government_his_state(book):
    howard = Actor("John Howard", "person", aliases=["John Howard", "Howard"])
    australia = Actor("Australia", "state")
    code_actors([howard, australia], book, date="2001-11-01")
    assert (howard.code, howard.affiliation) == ("AUSGOV", "Australia")
    assert howard.affiliation_evidence is None  # the dictionary says so, no sentence does


def test_code_actors_leans_on_the_affiliation(book):
    police = Actor("NSW Police", "organization", affiliation=None)
    spokesman = Actor("Bob Smith", "person", title="spokesman", affiliation="NSW Police")
    code_actors([spokesman, police], book, home="Australia")
    assert police.code == "AUSCOP"  # a state body of an Australian story
    assert (spokesman.country, spokesman.sectors) == ("AUS", ["COP"])


def test_known_armed_groups_are_groups(book):
    qaeda = Actor("Al Qaeda", "organization")
    company = Actor("Phillips Petroleum", "organization")
    code_actors([qaeda, company], book)
    assert qaeda.type == "group"
    assert company.type == "organization"


# --- affiliation ties in the graph -----------------------------------------

def tied_extraction():
    evidence = {"doc": "a.txt", "sentence": "U.S. Secretary of State John Kerry met Lavrov.", "start": 0, "end": 46}
    return Extraction(
        documents=[{"id": "a.txt"}],
        actors=[Actor("John Kerry", "person", affiliation="United States", affiliation_evidence=evidence,
                      country="USA", sectors=["GOV"], code="USAGOV"),
                Actor("United States", "state", country="USA", code="USA"),
                Actor("Sergei Lavrov", "person", country="RUS", sectors=["GOV"], code="RUSGOV")],
        events=[Event("meeting", "John Kerry", ["Sergei Lavrov"], doc="a.txt", start=0, end=46,
                      sentence="U.S. Secretary of State John Kerry met Lavrov.")],
    )


def test_affiliation_is_an_edge_of_its_own_kind_with_its_sentence():
    G = build_graph(tied_extraction())
    kinds = sorted((u, v, d["kind"], d["type"]) for u, v, d in G.edges(data=True))
    assert kinds == [("actor:john-kerry", "actor:sergei-lavrov", "event", "meeting"),
                     ("actor:john-kerry", "actor:united-states", "affiliation", "affiliation")]
    tie = G.edges["actor:john-kerry", "actor:united-states", "affiliation:actor:john-kerry"]
    assert tie["sentence"] == "U.S. Secretary of State John Kerry met Lavrov."
    assert G.nodes["actor:john-kerry"]["code"] == "USAGOV"
    assert G.nodes["actor:john-kerry"]["sectors"] == ["GOV"]


def test_affiliation_ties_are_not_events():
    G = build_graph(tied_extraction())
    A = aggregate(G)
    assert not A.has_edge("actor:john-kerry", "actor:united-states")
    assert A.edges["actor:john-kerry", "actor:sergei-lavrov"]["weight"] == 1
    assert centrality(G, "weighted_degree")["actor:united-states"] == 0
    rows = {r["label"]: r for r in actors_table(G, as_frame=False)}
    assert (rows["John Kerry"]["events"], rows["John Kerry"]["neighbors"]) == (1, 1)
    assert (rows["United States"]["events"], rows["United States"]["neighbors"]) == (0, 0)
    assert [r["type"] for r in events_table(G, as_frame=False)] == ["meeting"]
    assert len(min_weight(G, 1).graph["events"]) == 1
    data = page_data(G)
    assert [(e["from"], e["to"], e["count"]) for e in data["edges"]] == \
        [("actor:john-kerry", "actor:sergei-lavrov", 1)]
    assert data["counts"]["events"] == 1
    assert [(a["from"], a["to"]) for a in data["affiliations"]] == [("actor:john-kerry", "actor:united-states")]
    kerry = next(n for n in data["nodes"] if n["id"] == "actor:john-kerry")
    assert (kerry["country"], kerry["sectors"], kerry["code"]) == ("USA", ["GOV"], "USAGOV")


def test_affiliation_to_an_actor_not_in_the_graph_gives_no_edge():
    ext = tied_extraction()
    ext.actors = [a for a in ext.actors if a.label != "United States"]
    G = build_graph(ext)
    assert all(d["kind"] == "event" for *_, d in G.edges(data=True))


def test_codes_and_ties_survive_every_export(tmp_path):
    ext = tied_extraction()
    back = read_extraction_json(write_extraction_json(ext, tmp_path / "x.json"))
    kerry = back.actor("John Kerry")
    assert (kerry.country, kerry.sectors, kerry.code) == ("USA", ["GOV"], "USAGOV")
    assert kerry.affiliation_evidence["sentence"].startswith("U.S. Secretary")
    G = build_graph(back)
    H = graph_from_json(write_node_link_json(G, tmp_path / "g.json"))
    assert H.nodes["actor:john-kerry"]["sectors"] == ["GOV"]
    assert H.edges["actor:john-kerry", "actor:united-states", "affiliation:actor:john-kerry"]["kind"] == "affiliation"
    for write, read in ((write_graphml, nx.read_graphml), (write_gexf, nx.read_gexf)):
        X = read(write(G, tmp_path / f"g.{write.__name__[6:]}"))
        assert X.nodes["actor:john-kerry"]["code"] == "USAGOV"
        assert X.nodes["actor:john-kerry"]["sectors"] == "GOV"  # lists are joined: XML holds scalars
        kinds = sorted(d["kind"] for *_, d in X.edges(data=True))
        assert kinds == ["affiliation", "event"]


def test_the_schema_allows_the_codes(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    from pathlib import Path

    schema = json.loads((Path(__file__).parent / "data" / "extraction-schema.json").read_text(encoding="utf-8"))
    data = json.loads(write_extraction_json(tied_extraction(), tmp_path / "x.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    bad = json.loads(json.dumps(data))
    bad["actors"][0]["country"] = "US"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


# --- resolving with the codes (records only) --------------------------------

def _doc(doc_id, actors, events=()):
    from graphbuild.types import DocExtraction, Document

    for a in actors:
        a.docs = [doc_id]
    return DocExtraction(document=Document(id=doc_id, text=""), actors=list(actors), events=list(events))


def _said(doc_id, a, start=0):
    return Event("statement", a.label, [], doc=doc_id, start=start, end=start + 5, sentence=f"{a.label} said.",
                 trigger="said", source_id=a.id)


def gov(label, code="AUSGOV", mentions=1):
    return Actor(label, "organization", aliases=[label], mentions=mentions, country=code[:3] if code[:3] != "---"
                 else None, sectors=["GOV"], code=code)


def test_government_variants_of_one_state_are_one_actor():
    from graphbuild.resolve import resolve

    howard = Actor("John Howard", "person", aliases=["John Howard", "Howard"], country="AUS", sectors=["GOV"],
                   code="AUSGOV")
    docs = [
        _doc("a", [gov("Australian Government"), howard]),
        _doc("b", [gov("Federal Government", mentions=3)]),
        _doc("c", [gov("Australian cabinet")]),
        _doc("d", [gov("Howard Government", code="---GOV")]),
        _doc("e", [Actor("Queensland Government", "organization", aliases=["Queensland Government"],
                         sectors=["GOV"], code="---GOV"), gov("Israeli Government", "ISRGOV")]),
        _doc("f", [gov("Federal Government", "USAGOV")]),
    ]
    for d in docs:
        d.events = [_said(d.document.id, a) for a in d.actors]
    x = resolve(docs)
    govs = {a.label: (a.code, sorted(a.aliases)) for a in x.actors if a.type == "organization"}
    assert govs["Australian Government"] == ("AUSGOV", [
        "Australian Government", "Australian cabinet", "Federal Government", "Howard Government"])
    # a state's own government, another country's, and the United States' federal government stay apart
    assert set(govs) == {"Australian Government", "Queensland Government", "Israeli Government",
                         "Federal Government"}
    assert govs["Federal Government"][0] == "USAGOV"
    # the events of every variant now have the one government as source
    assert {e.source for e in x.events if e.doc in "abcd" and e.source != "John Howard"} == {"Australian Government"}


@pytest.mark.parametrize("a,b,merged", [
    # a company is not a person, whatever its name shares with one
    (Actor("Phillips", "organization", aliases=["Phillips"], sectors=["BUS"], code="---BUS"),
     Actor("Walter Phillips", "person", aliases=["Walter Phillips", "Phillips"]), False),
    # two countries' police share the word, not the body
    (Actor("Pakistani police", "organization", aliases=["Police", "Pakistani police"], country="PAK",
           sectors=["COP"], code="PAKCOP"),
     Actor("Police", "organization", aliases=["Police"], country="AUS", sectors=["COP"], code="AUSCOP"), False),
    # two people of one name in two countries' governments
    (Actor("John Smith", "person", aliases=["John Smith"], country="USA", sectors=["GOV"], code="USAGOV"),
     Actor("John Smith", "person", aliases=["John Smith"], country="AUS", sectors=["GOV"], code="AUSGOV"), False),
    # one of them uncoded: nothing says they differ
    (Actor("John Smith", "person", aliases=["John Smith"], country="USA", sectors=["GOV"], code="USAGOV"),
     Actor("Smith", "person", aliases=["Smith"]), True),
])
def test_a_merge_whose_types_or_codes_conflict_is_refused(a, b, merged):
    from graphbuild.resolve import resolve

    x = resolve([_doc("a", [a], [_said("a", a)]), _doc("b", [b], [_said("b", b)])])
    assert (len(x.actors) == 1) is merged
    if not merged:
        assert {e.source for e in x.events} == {a.label, b.label}


# --- entities the dictionaries and word lists settle (model) ----------------

def _extract(pipeline, text, date=None):
    from graphbuild.events import extract_document
    from graphbuild.types import Document

    return extract_document(pipeline.parse(text), Document(id="t.txt", text=text, date=date))


ENTITY_CASES = [
    # text, actors that must be there as (label, type), labels that must not be actors
    ("Afghan security forces have arrested a wounded Arab Al Qaeda fighter, but seven others remain "
     "barricaded in a hospital in the southern city. He said they would not surrender.",
     [("Al Qaeda", "group")], ["Arab Al Qaeda"]),
    ("Federal Labor MP Carmen Lawrence says there is a lot of momentum within the party for the ALP to "
     "change its policy on asylum seekers. Dr Lawrence says maintaining the policy will lose sympathy.",
     [("Carmen Lawrence", "person")], ["Federal Labor MP Carmen Lawrence", "Lawrence"]),
    ("In Jenin to the north, US-made Apaches blasted a building of Mr Arafat's Fatah movement, witnesses said. "
     "F-16s blasted security targets in Gaza City.", [], ["Apaches", "F-16s"]),
    ("Back-burning operations were carried out in an area bounded by Appin Road and the Old Princes Highway "
     "at Helensburgh.", [], ["Appin Road"]),
    ("Six months ago, Phillips Petroleum indefinitely delayed its plan to build a pipeline to Darwin. "
     "But today Phillips has announced it has reached a deal with East Timor's new Government.",
     [("Phillips Petroleum", "organization")], ["Phillips"]),
    ("Pakistan announced it had arrested the Lashkar-e-Taiba chief. Police in Karachi say more raids will be "
     "launched against the two groups. Militants attacked a bus in Kashmir on Sunday.", [],
     ["Police", "Militants"]),
]


@pytest.mark.model
@pytest.mark.parametrize("text,present,absent", ENTITY_CASES, ids=[c[2][0] if c[2] else c[1][0][0]
                                                                   for c in ENTITY_CASES])
def test_entities_the_dictionaries_settle(pipeline, text, present, absent):
    x = _extract(pipeline, text)
    actors = {a.label: a.type for a in x.actors}
    for label, type_ in present:
        assert actors.get(label) == type_, actors
    for label in absent:
        assert label not in actors, actors
    assert not any(default_codebook().is_generic(a.label) for a in x.actors)


@pytest.mark.model
def test_a_title_in_an_organization_name_makes_a_person(pipeline):
    x = _extract(pipeline, ENTITY_CASES[1][0])
    carmen = next(a for a in x.actors if a.label == "Carmen Lawrence")
    assert carmen.title == "Federal Labor MP"
    assert "LEG" in carmen.sectors


@pytest.mark.model
def test_the_government_of_a_story_is_its_state(pipeline):
    text = ("Australia has closed its border to the boat. The Federal Government says Australia will not take "
            "the asylum seekers. Prime Minister John Howard said Australia had done enough.")
    x = _extract(pipeline, text, date="2001-09-01")
    codes = {a.label: (a.code, a.affiliation) for a in x.actors}
    assert codes["Federal Government"] == ("AUSGOV", None)
    assert codes["John Howard"] == ("AUSGOV", "Australia")


@pytest.mark.model
def test_affiliation_evidence_is_the_sentence_that_says_so(pipeline):
    text = "U.S. Secretary of State John Kerry said on Monday that talks would go on. Kerry met Lavrov."
    kerry = next(a for a in _extract(pipeline, text, date="2016-05-02").actors if a.label == "John Kerry")
    assert kerry.affiliation == "United States"
    assert kerry.affiliation_evidence["sentence"].startswith("U.S. Secretary of State John Kerry said")
    assert kerry.code == "USAGOV"


# ---------------------------------------------------------------------------
# The code book follows the lexicon in use
# ---------------------------------------------------------------------------
# label -> (code with the package's gazetteer, code with one that calls New Zealand "Aotearoa")
LEXICON_CASES = [
    ("Aotearoa Police", "---COP", "NZLCOP"),
    ("Aotearoa Defence Force", None, "NZL"),
    ("New Zealand Police", "NZLCOP", "NZLCOP"),
    ("Australian Federal Police", "AUSCOP", "AUSCOP"),
]


@pytest.mark.parametrize("label,default,custom", LEXICON_CASES)
def test_the_code_book_reads_the_countries_of_its_lexicon(aotearoa_words, label, default, custom):
    from graphbuild.codes import codebook_for
    from graphbuild.lexicon import default_lexicon, load_lexicon

    lexicon = load_lexicon(aotearoa_words)
    assert codebook_for(lexicon) is codebook_for(lexicon)  # built once per lexicon
    assert default_codebook() is codebook_for(default_lexicon())
    assert code_actor(label, "organization", book=default_codebook()).code == default
    assert code_actor(label, "organization", book=codebook_for(lexicon)).code == custom
