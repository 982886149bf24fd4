"""Arguments of an event: objects, targets named in an act's content, participants of a
meeting, the place and date, the parties of reported accusations.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import Lexicon, Trigger
from .clauses import _children, _is_finite, _misparsed_attribution, _subject_token, OBJECT_DEPS
from .coreference import _subject
from .mentions import SUBJECT_DEPS, Mentions, state_key
from .records import DIRECTED_TYPES, SPEECH_TYPES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token
    from .coreference import Resolver


def _objects(verb, res: Resolver, preps: tuple[str, ...] = ()) -> list[str]:
    """Entity keys of a verb's objects, of its prepositional objects after ``preps`` and after a particle."""
    out: list[str] = []
    for o in _children(verb, *OBJECT_DEPS):
        out += res.phrase(o) + _listed_in_apposition(o, res)
    for p in _children(verb, "prep"):
        if p.lower_ in preps:
            for o in _children(p, "pobj"):
                out += res.phrase(o)
    for prt in _children(verb, "prt"):
        for p in _children(verb, "prep"):
            for o in _children(p, "pobj"):
                out += res.phrase(o)
    return list(dict.fromkeys(out))


def _listed_in_apposition(tok, res: Resolver) -> list[str]:
    """The further names of a list set in apposition to a common noun: "the two chief negotiators,
    A of Serbia and B of Kosovo" resolves the noun to A alone; B is A's conjunct."""
    out: list[str] = []
    for a in _children(tok, "appos"):
        if res.actor_key(a.i) is not None:
            for c in a.conjuncts:
                if c.i > a.i:
                    out += res.phrase(c)
    return out


#: Links from a warning or threat down to what it holds out, within its own content.
_CONTENT_LINKS = frozenset({"ccomp", "conj", "xcomp", "dobj", "prep", "pobj"})


def _demand_of_report(verb, res: Resolver) -> tuple[list[str], list[str]]:
    """Source and target of "X said Y must ...": X demands of Y.

    ``verb`` is the clause's own verb; the speaker is the subject of the verb or noun that
    reports it ("Russia said that Sudan must return ...", "Chirac issued a reminder to Iraq that
    it must cooperate"); the target is the clause's subject, else whom the report is addressed to.
    """
    head = verb.head
    reporter = head.head if verb.dep_ == "acl" and head.pos_ == "NOUN" else head
    source, _ = _subject(reporter, res) if reporter.i != verb.i else ([], False)
    if not source:  # "Sudan must return it," an official said -- no speaker named: Sudan's own act
        source, _ = _subject(verb, res)
        return source, []
    targets = [k for s in _children(verb, "nsubj", "nsubjpass") if s.pos_ != "PRON"
               for k in _party_or_state(s, res, allow_groups=False)]
    if not targets:
        targets = [k for x in {head, reporter} for p in _children(x, "prep", "dative") if p.lower_ == "to"
                   for o in _children(p, "pobj") for k in res.phrase(o, allow_groups=False)]
    return source, [k for k in targets if k not in source]


def _content_targets(verb, kind: str, res: Resolver) -> list[str]:
    """Targets of a directed act named inside its content rather than as its object.

    * an appeal's "that"-clause names who is asked: "demanded that the inspector general of
      police, Chandana Wickramaratne, explain ..." -- only a clause in the subjunctive or with
      "should"/"must", so that a demand reported as a fact keeps its own arguments;
    * a threat's measure names who it is aimed at: "threatened to bring a no-confidence motion
      against the president", "warned that failure would have consequences for Belgrade and
      Pristina" (a capital stands for its state there).
    """
    out: list[str] = []
    if kind == "appeal":
        for c in _children(verb, "ccomp"):
            auxes = {a.lower_ for a in _children(c, "aux")}
            if c.tag_ in ("VB", "VBP") and not auxes - {"should", "must"}:
                for s in _children(c, "nsubj"):
                    out += res.phrase(s)
    if kind != "threat":
        return out
    stack = [(c, 1) for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "prep")]
    while stack:
        t, depth = stack.pop(0)
        if t.dep_ in ("ccomp", "conj") and t.pos_ in ("VERB", "AUX") and res.lex.verb_trigger(t.text):
            continue  # a speech act reported inside the threat has its own arguments
        if t.pos_ == "NOUN" and t.lower_ in res.lex.sanction_nouns or t.dep_ == "xcomp" and t.head.i == verb.i:
            for p in _children(t, "prep"):
                if p.lower_ in ("against", "on", "upon") or p.lower_ == "for" and t.pos_ == "NOUN":
                    for o in _children(p, "pobj"):
                        out += _actor_or_seat(o, res)
        if depth < 5:
            stack += [(c, depth + 1) for c in t.children if c.dep_ in _CONTENT_LINKS]
    return out


def _actor_or_seat(tok, res: Resolver) -> list[str]:
    """Actors of a noun phrase and its conjuncts, a capital named as a place standing for its
    state ("consequences for Belgrade and Pristina": Serbia and Kosovo)."""
    out = res.phrase(tok)
    for t in [tok] + [c for c in tok.conjuncts if c.i > tok.i]:
        key = res.m.place_at.get(t.i)
        if key and res.actor_key(t.i) is None:
            iso = res.lex.seat(res.entity(key).label)
            if iso:
                out.append(state_key(iso))
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------------------
# Parties named in an act's content
# ---------------------------------------------------------------------------
#: Links that lead out of an act's content: conditions and reasons ("unless Baghdad accepted"),
#: relative clauses, asides, and words that name no one.
_OUT_OF_CONTENT = frozenset({"advcl", "relcl", "mark", "npadvmod", "parataxis", "punct", "cc", "det", "aux",
                             "auxpass", "neg", "advmod", "case", "nummod", "quantmod", "prt", "csubj", "expl",
                             "intj", "dep", "meta", "preconj", "predet"})

#: How deep below the trigger a content party may be ("threatened to launch an offensive in
#: its war with Iraq": six links from "threatened" to "Iraq").
CONTENT_DEPTH = 7


def _content_party(verb, res: Resolver, source: list[str], *, subjects: bool = True,
                   places: str | None = None, groups: bool = True, depth: int = CONTENT_DEPTH,
                   audience: bool = True, purposes: bool = False) -> list[str]:
    """The first party named in what an act asks, threatens, offers or does: with its conjuncts.

    Read breadth-first from the trigger through its objects, complements, prepositions and
    their modifiers, as a CAMEO coder reads the verb phrase after the verb:

    * "Iran threatened to shell Iraqi towns" -> Iraq (a national adjective stands for its state);
    * "agreed to provide aid for Romania and Poland" -> Romania, Poland;
    * "announced that it will withdraw its force from Chad" -> Chad (the speaker's own "it" and
      "its" are skipped).

    Conditions and reasons ("unless Baghdad accepted"), relative clauses, time and cause
    prepositions ("after", "despite") and speech acts reported inside the content are not
    read.  ``subjects=False`` leaves out the subjects of content clauses (in "warned that Russia
    would respond", Russia is who would act, not whom the warning is aimed at).  Places are
    skipped ("condemned the fighting in Aleppo" is not aimed at Aleppo) unless ``places`` is
    "state" (threats: "a curfew in Algiers" -> Algeria), "country" (a country only) or "place"
    (attacks: "shelled positions near Rafah" -> Rafah).  Named actors are preferred; a group
    named by a common noun ("opposition candidates") is taken only when no named party is
    found, and never with ``groups=False``.  ``audience=False`` leaves out whom the act is
    addressed to ("complained to the United Nations over Israeli air raids" is aimed at Israel).
    ``purposes=True`` also reads infinitives of purpose ("send troops to help defend Saudi Arabia"),
    which for an offer or a threat name whom it is for; for other acts they name a topic.
    """
    limit = depth
    for with_groups in ((False, True) if groups else (False,)):
        queue = [(c, 1) for c in verb.children if _leads_into_content(c, verb, res, subjects=False,
                                                                      purposes=purposes)
                 and (audience or not (c.dep_ in ("prep", "dative") and c.lower_ == "to"))]
        while queue:
            tok, depth = queue.pop(0)
            keys = [k for k in _party_at(tok, res, with_groups, places) if k not in source]
            if keys:
                for c in tok.conjuncts:
                    if c.i > tok.i:
                        keys += [k for k in _party_at(c, res, with_groups, places) if k not in source]
                return list(dict.fromkeys(keys))
            if depth < limit:
                queue += [(c, depth + 1) for c in tok.children
                          if _leads_into_content(c, verb, res, subjects=subjects, purposes=purposes)]
    return []


def _coerced_party(verb, res: Resolver, source: list[str]) -> list[str]:
    """Whom a threat's condition names: "threatened to stop the talks if the United States goes
    ahead", "will boycott the elections unless the president agrees" -- the subject of an "if" or
    "unless" clause of the threat or of its content is the party the threat is meant to move."""
    stack, seen = [verb], 0
    while stack and seen < 12:
        t = stack.pop(0)
        seen += 1
        for c in t.children:
            marks = [m for m in c.children if m.dep_ == "mark" and m.lower_ in ("if", "unless")]
            if c.dep_ == "advcl" and marks:
                for s in _children(c, "nsubj", "nsubjpass"):
                    if not _names_someone(s, res) or any(t.text == "," for t in c.doc[marks[0].i:s.i]):
                        continue  # "if cooperation founders" moves no one; a comma ends the condition
                    keys = [k for k in _party_at(s, res, False, "state") if k not in source]
                    if keys:
                        return keys
            elif c.dep_ in ("xcomp", "ccomp", "conj"):
                stack.append(c)
    return []


def _names_someone(tok, res: Resolver) -> bool:
    """A subject that names a party: a name, a pronoun, a title or an official body ("the president")."""
    lex = res.lex
    return bool(tok.ent_type_) or tok.pos_ in ("PROPN", "PRON") \
        or tok.lower_ in lex.title_nouns or tok.lower_ in lex.official_heads or tok.lower_ in lex.government_nouns


def _is_purpose(clause) -> bool:
    """An infinitive of purpose ("... to help defend X"), not a condition or a time clause."""
    kids = list(clause.children)
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in kids) and not any(c.dep_ == "mark" for c in kids)


def _leads_into_content(tok, verb, res: Resolver, *, subjects: bool, purposes: bool) -> bool:
    """Whether the content walk of :func:`_content_party` goes on to ``tok``."""
    if purposes and tok.dep_ == "advcl" and _is_purpose(tok):
        return True  # "send troops to help defend Saudi Arabia": what the act is for
    if tok.dep_ in _OUT_OF_CONTENT or tok.dep_ in SUBJECT_DEPS and (not subjects or tok.head.i == verb.i):
        return False
    if tok.dep_ == "agent" and tok.head.i == verb.i or tok.dep_ == "prep" and tok.lower_ in res.lex.background_preps:
        return False
    if tok.dep_ == "prep" and tok.lower_ == "in" and any(
            c.lower_ in res.lex.reason_nouns for c in _children(tok, "pobj")):
        return False  # "in response to", "in retaliation for": a reason
    if tok.dep_ in ("ccomp", "conj") and tok.pos_ in ("VERB", "AUX"):
        trig = res.lex.verb_trigger(tok.text)
        if trig is not None and trig.type in SPEECH_TYPES:
            return False  # a speech act reported inside the content has its own parties
    return True


def _party_at(tok, res: Resolver, groups: bool, places: str | None) -> list[str]:
    """The party one token of an act's content names, if any.

    A name, a pronoun, a resolvable noun phrase ("the government", "Israeli police"), a
    national adjective or possessive ("Iraqi towns", "Turkey's efforts"), or a place.
    """
    m = res.m
    key = res.actor_key(tok.i)
    if key is not None:
        return [key]
    if tok.i in m.place_at:
        return _place_party(m.place_at[tok.i], res, places)
    if tok.pos_ == "PRON":
        return res.pronoun(tok) if tok.dep_ in SUBJECT_DEPS else []
    if tok.dep_ in ("amod", "compound", "nmod", "poss") and (tok.ent_type_ in ("NORP", "GPE") or tok.pos_ == "PROPN"):
        if any(c.lower_ in res.lex.dissident_words for c in tok.head.children):
            return []  # "Ugandan opposition candidates" are not the Ugandan state
        key = res.key_of(tok)
        return [key] if key and res.entity(key).type == "state" else []
    if tok.pos_ in ("NOUN", "PROPN"):
        keys = res.phrase(tok, allow_groups=groups) if groups else res.one(tok, False)
        return [k for k in keys if groups or res.entity(k).type != "group"]
    return []


def _place_party(key: str, res: Resolver, places: str | None) -> list[str]:
    """A place named as what an act is aimed at: itself (``places="place"``), its state
    (``"state"``: a country, a capital or a city of the gazetteer), or nothing."""
    if places == "place":
        return [key]
    ent = res.entity(key)
    if ent.iso and places in ("state", "country"):
        return [state_key(ent.iso)]
    if places != "state":
        return []
    iso = res.lex.seat(ent.label) or (res.lex.city(ent.label) or {}).get("country") or _region_of(ent.label, res.lex)
    if iso and iso in res.lex.countries:
        return [state_key(iso)]
    return []


def _region_of(label: str, lex: Lexicon) -> str | None:
    """The country a region named by a compass word and the country's name lies in: "South
    Lebanon", "Northern Iraq" (a country so named, "South Africa", is a country of its own)."""
    first, _, rest = label.partition(" ")
    words = lex.compass_words | {"north", "south", "east", "west"}
    return lex.country(rest) if first.lower() in words and rest else None


#: How deep in a reported clause a statement's target may be named ("says growth in Australia
#: will slow": three links from "slow" to "Australia"); deeper names are background.
REPORT_DEPTH = 4


def _reported_clauses(verb) -> list["Token"]:
    """The clauses a speech verb reports: its "that"-clauses and quotes, or, for an attribution
    the parser hung on the apposition before it ("X is failing ..., a rights group protested"),
    the sentence's main clause."""
    clauses = [c for c in _children(verb, "ccomp") if c.pos_ in ("VERB", "AUX")]
    if not clauses and _misparsed_attribution(verb):
        root = verb.sent.root
        if root.i != verb.i and root.pos_ in ("VERB", "AUX"):
            clauses = [root]
    return clauses


def _reported_party(verb, res: Resolver, source: list[str]) -> list[str]:
    """Whom a statement is about, as a CAMEO coder reads it: the named subject of its reported
    clause or quote, else the first party named in the clause's content, else "about/on X" of
    the statement itself.

    * "Jubeir said Assad must leave" -> Assad;
    * "the IMF says growth in Australia will slow" -> Australia (named inside the subject);
    * "Costello says a pickup could keep Australia in a strong position" -> Australia.

    A statement of fact that names no one ("police said the fire was under control") keeps no
    target; nor does one about the speaker ("Kerry said he would travel").  Groups named by a
    common noun and places other than countries ("in Sydney") name no one here.
    """
    for clause in _reported_clauses(verb):
        for s in _children(clause, "nsubj", "nsubjpass"):
            keys = [k for k in _party_or_state(s, res, allow_groups=False) if k not in source]
            keys = [k for k in keys if res.entity(k).type != "group"]
            if not keys and s.pos_ != "PRON":
                keys = _content_party(s, res, source, groups=False, places="country", depth=REPORT_DEPTH)
            if keys:
                return keys
        keys = _content_party(clause, res, source, groups=False, places="country", depth=REPORT_DEPTH)
        if keys:
            return keys
    for p in _children(verb, "prep"):
        if p.lower_ in res.lex.statement_topic_preps:
            keys = [k for o in _children(p, "pobj") for k in res.phrase(o, allow_groups=False) if k not in source]
            if keys:
                return keys
    return []



def _participants(noun, res: Resolver) -> list[str]:
    """The other parties of a meeting noun: "with"/"between"/"among" objects (envoys stand for
    their side; "a courtesy call on X" too) and the actors named in its modifiers ("US-Russian talks")."""
    out: list[str] = []
    with_preps = ("with", "between", "among", "amongst")
    if _is_courtesy_call(noun, res.lex):
        with_preps += ("on", "upon")  # "pay a courtesy call on Marcos"
    for p in _children(noun, "prep"):
        if p.lower_ in with_preps:
            for o in _children(p, "pobj"):
                keys = res.phrase(o)
                if not keys and o.lower_ in res.lex.envoy_nouns:
                    keys = [k for q in _children(o, "prep") if q.lower_ in ("of", "from")
                            for x in _children(q, "pobj") for k in res.phrase(x, allow_groups=False)]
                out += keys
    for c in _children(noun, "compound", "amod", "nmod", "poss"):
        key = res.actor_key(c.i)
        if key:
            out.append(key)
    return list(dict.fromkeys(out))



def _destination(trigger, verb, res: Resolver) -> list[str]:
    """The state a visit goes to: "visited Beijing", "a visit to Beirut", "arrived in Amman on a
    visit" (a country, a capital or a city of the gazetteer; the host state is the visit's target)."""
    heads = [(trigger, ("to",))] if trigger.pos_ == "NOUN" else [(trigger, ("to", "in"))]
    if verb is not None and verb.i != trigger.i and res.lex.lemma(verb.text, res.lex.arrival_verbs) in res.lex.arrival_verbs:
        heads.append((verb, ("in", "at", "to")))
    out: list[str] = []
    for head, preps in heads:
        objs = [o for p in _children(head, "prep") if p.lower_ in preps for o in _children(p, "pobj")]
        if head.pos_ == "VERB":
            objs += _children(head, "dobj")
        for o in objs:
            if o.i in res.m.place_at:
                out += _place_party(res.m.place_at[o.i], res, "state")
    return list(dict.fromkeys(out))


def _is_courtesy_call(noun, lex: Lexicon) -> bool:
    """A call that is a visit: "pay a (courtesy) call on X", not a call for calm or a phone call."""
    if noun.lower_ not in ("call", "calls"):
        return False
    return any(c.lower_ == "courtesy" for c in noun.children) or (
        noun.dep_ == "dobj" and lex.lemma(noun.head.text, {"pay"}) == "pay")



def _place(trigger, m: Mentions, sent) -> str | None:
    """Place of an event: "in/at PLACE" inside the trigger's phrase, else on the clause it hangs from."""
    lex = m.lex

    def in_prep(p) -> str | None:
        if p.lower_ not in lex.event_locative_preps:
            return None
        for o in _children(p, "pobj"):
            # "in the Belarusian capital, Minsk": the name may stand in apposition to a place noun.
            for x in [o] + list(o.conjuncts) + _children(o, "appos"):
                if x.i in m.place_at:
                    return m.place_at[x.i]
        return None

    # Inside the trigger's own phrase ("meet X for talks on Syria in Moscow"), not in clauses below
    # it, and not inside a topic ("talks on the conflict in eastern Ukraine" were not held there).
    stack = list(trigger.children)
    while stack:
        t = stack.pop(0)
        if t.dep_ in ("ccomp", "relcl", "advcl", "csubj", "parataxis"):
            continue
        if t.dep_ == "prep" and t.lower_ in lex.topic_preps:
            continue
        if t.dep_ == "prep" and (hit := in_prep(t)):
            return hit
        stack.extend(t.children)
    t = trigger
    for _ in range(5):
        if t.dep_ in ("ccomp", "ROOT") or t.head.i == t.i:
            break
        t = t.head
        for p in _children(t, "prep"):
            if hit := in_prep(p):
                return hit
    return None


def _date(trigger, m: Mentions) -> "Span | None":
    """The DATE entity of the trigger's sentence that hangs from the trigger or a verb above it."""
    dates = m.dates.get(trigger.sent.start, [])
    if not dates:
        return None
    chain = []
    t = trigger
    for _ in range(5):
        chain.append(t)
        if t.head.i == t.i or t.dep_ in ("ccomp",):
            break
        t = t.head
    for anc in chain:
        for d in dates:
            h = d.root
            for _ in range(3):
                if h.head.i == anc.i:
                    return d
                if h.head.i == h.i:
                    break
                h = h.head
    return None


def _issuer(verb, res: Resolver) -> list[str]:
    """Who speaks through a text that is a speech act's subject: "a report released in the Rwandan
    capital alleged ..." (Rwanda), "an official Syrian newspaper called on ..." (Syria), "a
    statement by the foreign ministry said ..." -- the first party named in the text's phrase."""
    subj, passive = _subject_token(verb)
    if subj is None or passive or subj.pos_ != "NOUN" or subj.lower_ not in res.lex.document_nouns \
            or subj.head.i != verb.i:
        return []  # only the text's own act: not "a resolution that aims to impose ..."
    own = [k for c in _children(subj, "amod", "compound", "poss", "nmod") for k in _party_at(c, res, False, "state")]
    return own[:1] or _content_party(subj, res, [], groups=False, places="state", depth=4)[:1]


def _attacked_states(targets: list[str], res: Resolver) -> list[str]:
    """An attack on a place is also an attack on its state, as CAMEO codes it: "invaded Kuwait"
    (the country is the state itself), "shelled Aleppo" (Aleppo, and Syria after it)."""
    out: list[str] = []
    for key in targets:
        ent = res.entity(key)
        if ent.kind != "place":
            out.append(key)
        elif ent.iso:
            out.append(state_key(ent.iso))
        else:
            out += [key] + _place_party(key, res, "state")
    return out


def _attacker_named_by_means(verb, passive: bool, res: Resolver) -> list[str]:
    """The side an attack is credited to when what the clause names is its means, not a party.

    "Four children were killed in Israeli tank shelling", "were killed by an Israeli air
    strike", "Recent US Predator attacks have killed ...": the state or organization named as
    the modifier of an attack noun or a weapon (the lexicon's attack nouns and the military
    heads of the roles list) is the attacker.
    """
    nouns = [o for p in _children(verb, "prep", "agent") if p.lower_ in ("in", "by")
             for o in _children(p, "pobj")] if passive else _children(verb, "nsubj")
    for noun in nouns:
        if noun.pos_ != "NOUN" or not _is_means(noun, res.lex, weapons=passive):
            continue
        for c in noun.subtree:  # "US Predator attacks": the modifier may hang on a modifier
            if c.i < noun.i and c.dep_ in ("amod", "compound", "poss", "nmod"):
                keys = [k for k in _party_at(c, res, False, None) if res.entity(k).type != "person"]
                if keys:
                    return keys
    return []


def _is_means(noun, lex: Lexicon, *, weapons: bool = True) -> bool:
    """An attack noun ("shelling", "air strike") or, with ``weapons``, a weapon or force of the
    roles list ("tank", "warplanes")."""
    trig = lex.noun_trigger(noun.text)
    if trig is not None and trig.type == "attack":
        return True
    if not weapons:
        return False
    low = noun.lower_
    return low in lex.official_heads or low + "s" in lex.official_heads


def _co_sources(kind: str, source: list[str], targets: list[str], res: Resolver) -> tuple[str, ...]:
    """The speakers after the first of a speech act with a coordinated subject.

    "Volkswagen, BMW and Mercedes-Benz all criticised the duties": one act per named speaker
    (a common-noun group in the list is left to the first speaker's act).
    """
    if kind not in SPEECH_TYPES:
        return ()
    return tuple(k for k in source[1:] if res.entity(k).type != "group" and k not in targets)

#: Clauses hung inside a reported clause that say something else than what its subject did.
_OTHER_CLAUSES = frozenset({"ccomp", "relcl", "advcl", "acl", "parataxis", "csubj", "conj"})


def _accused_in_report(verb, res: Resolver) -> list[str]:
    """The named subject of a reported clause that accuses it: "Kurti said Serbia was running away
    from its obligations", "Wang said the Philippine vessels had illegally intruded".

    Only an active, affirmative clause whose own words (not those of a clause inside it) hold one
    of the lexicon's accusing phrases; a clause about the speaker is no accusation.
    """
    out: list[str] = []
    for c in _children(verb, "ccomp"):
        subj = _children(c, "nsubj")
        if not subj or c.pos_ not in ("VERB", "AUX") or any(k.dep_ == "neg" for k in c.children):
            continue
        words, stack = [], [c]
        while stack:
            t = stack.pop()
            words.append(t)
            stack += [k for k in t.children if k.dep_ not in _OTHER_CLAUSES and k.dep_ != "nsubj"]
        text = " " + " ".join(t.lower_ for t in sorted(words, key=lambda t: t.i)) + " "
        if any(f" {p} " in text for p in res.lex.accusing_phrases):
            for s in subj:
                if s.pos_ != "PRON":
                    out += _party_or_state(s, res)
    return out


def _owner_state(noun, res: Resolver) -> list[str]:
    """The state a common noun belongs to by its national adjective ("the Philippine vessels")."""
    if noun.pos_ != "NOUN":
        return []
    for c in _children(noun, "amod", "compound"):
        key = res.key_of(c) if c.ent_type_ in ("NORP", "GPE") else None
        if key and res.entity(key).type == "state":
            return [key]
    return []


def _party_or_state(noun, res: Resolver, *, allow_groups: bool = True) -> list[str]:
    """The actors a noun phrase names (:meth:`~.coreference.Resolver.phrase`), else the state it
    belongs to by its national adjective (:func:`_owner_state`: "Indian border posts")."""
    return res.phrase(noun, allow_groups=allow_groups) or _owner_state(noun, res)


def _unnamed_speaker(verb, trig: Trigger) -> bool:
    """An accusation, appeal or threat by someone described but not named ("a Saudi businessman
    is suing ...", "a human rights group protested"): the act is kept with an empty source.
    A bare statement is not: without its speaker it says nothing about the network."""
    if trig.type not in DIRECTED_TYPES or not _is_finite(verb):
        return False  # "marched to demand", "calling for": the act belongs to whoever the clause is about
    subj, passive = _subject_token(verb)
    if passive:
        return bool(_children(verb, "nsubjpass"))  # "X was accused of ...": the target is enough
    return subj is not None and subj.pos_ in ("NOUN", "PROPN")
