"""Triggers: a verb or noun of the event-type registry made into an event with its arguments.

Each rule is one small function of a :class:`Candidate` -- the event being read off one
trigger word -- that fills it in or says whether to keep it (``False`` drops it).  The
order in which they run is declared in one place, :mod:`.rules` (``VERB_STEPS``,
``NOUN_STEPS``, ...); the arguments come from :mod:`.arguments`, the status from
:mod:`.modality`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..lexicon import Lexicon, Trigger
from .arguments import (
    _accused_in_report, _attacked_states, _attacker_named_by_means, _co_sources, _coerced_party,
    _content_party, _content_targets, _demand_of_report, _listed_in_apposition, _destination, _is_courtesy_call, _issuer,
    _objects, _owner_state, _participants, _party_or_state, _reported_party, _unnamed_speaker, REPORT_DEPTH,
)
from .clauses import (
    _ancestors_within, _children, _climb_to_verb, _head_words, _is_crowd, _is_finite, _is_main_clause,
    _misparsed_attribution, _subject_token,
)
from .coreference import _subject
from .mentions import SUBJECT_DEPS
from .modality import _intent, _status
from .records import DIRECTED_TYPES, FoundEvent, PARTICIPANT_FREE_TYPES, SPEECH_TYPES, SYMMETRIC_TYPES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .coreference import Resolver


@dataclass
class Candidate:
    """The event being read off one trigger word ("held talks with X"); the steps fill it in.

    A step reads and sets these fields and returns ``True`` to go on, ``False`` to drop the
    candidate; :func:`found` makes the :class:`~.records.FoundEvent` of what is left.
    """

    #: The trigger word ("met", "talks"); a carrier noun takes its compound's place ("mediation effort").
    tok: Token
    res: Resolver
    #: Type, CAMEO code and lemma; the retyping steps replace it ("warned of a virus": a statement).
    trig: Trigger | None = None
    #: A crowd's protest read off the verb ("thousands protested").
    crowd: Trigger | None = None
    #: The announced action the trigger came from ("will attack": a threat), if any.
    intent: Trigger | None = None
    #: The verb a noun hangs from ("held" of "held talks").
    verb: Token | None = None
    #: Entity keys of who acts (the first is the source) and of whom it is aimed at.
    source: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    #: The subject is a passive one ("was attacked by X").
    passive: bool = False
    #: Coordinated subjects of a symmetric act after the first ("A, B and C met").
    together: list[str] = field(default_factory=list)
    #: A noun's other parties ("talks with A", "US-Russian talks").
    participants: list[str] = field(default_factory=list)
    #: The speaker is unnamed but the act is worth keeping ("officials warned").
    unnamed: bool = False
    #: Whom a statement accuses in its reported clause ("said Serbia was running away ...").
    accused: list[str] = field(default_factory=list)
    _actor: tuple[Token | None, bool] | None = None

    @property
    def lex(self) -> Lexicon:
        """The lexicon of the resolver: every word list a rule reads."""
        return self.res.lex

    @cached_property
    def mods(self) -> list[str]:
        """Actors named in a noun's modifiers ("Russian", "Russia's" of "Russia's demand"), as
        first read (coreference may link more tokens later)."""
        return [k for c in _children(self.tok, "amod", "compound", "poss", "nmod") if (k := self.res.actor_key(c.i))]

    @property
    def light(self) -> bool:
        """A noun is the object of a light verb or of the verb it needs ("launched an attack")."""
        verb = self.verb
        return verb is not None and (self.lex.is_light_verb(verb.text) or bool(self.trig.verbs)) \
            and self.tok.dep_ in ("dobj", "pobj", "attr", "nsubjpass")

    def actor(self) -> tuple[Token | None, bool]:
        """The word naming who acts in the trigger's clause and whether it is passive
        (:func:`~.clauses._subject_token`: "the storm" of "the storm struck")."""
        if self._actor is None:
            self._actor = _subject_token(self.tok, self.lex)
        return self._actor


def found(cand: Candidate) -> FoundEvent:
    """The record of a kept candidate, its status read last: "A, B and C met" is A's meeting with
    B and C, and B's with C (each later partner is a source of the partners after it);
    "Japan, Australia and the EU expressed concern": each named speaker spoke."""
    trig, source, targets = cand.trig, cand.source, cand.targets
    # "X said Y should resign": the demand was made, whatever the mood of what it asks
    said = cand.tok.head if trig.lemma == "must" and cand.intent is trig and cand.tok.dep_ == "ccomp" else cand.tok
    return FoundEvent(trig.type, trig.cameo, cand.tok, source[:1], targets, _status(said, cand.lex),
                      _co_sources(trig.type, source, targets, cand.res) or tuple(cand.together[:-1]),
                      reports_facts=bool(cand.accused))


# ---------------------------------------------------------------------------
# Verbs: the trigger, and whether it is an act here
# ---------------------------------------------------------------------------
def _verb_trigger(cand: Candidate) -> bool:
    """The registry's trigger of a verb: a phrasal verb first ("called on"), else the verb ("met")."""
    lex, tok = cand.lex, cand.tok
    trig: Trigger | None = None
    for prt in _children(tok, "prt", "prep", "agent"):  # "spoke by telephone" may parse as an agent
        trig = lex.phrasal_trigger(tok.text, prt.text) or trig
        if trig:
            break
    cand.trig = trig if trig is not None else lex.verb_trigger(tok.text)
    return True


def _crowd_protest(cand: Candidate) -> bool:
    """"thousands protested", "workers will strike": a protest, not a complaint or a threat;
    "stocks rallied", "troops marched": no crowd, no protest ("would boycott" may be a threat)."""
    cand.crowd = _crowd_act(cand.tok, cand.res)
    if cand.crowd is not None:
        cand.trig = cand.crowd
    elif cand.trig is not None and cand.trig.type == "protest":
        cand.trig = None
    return True


def _announced_intent(cand: Candidate) -> bool:
    """An armed act or a coercive measure someone says they will or want to carry out is a
    threat (CAMEO 13): "will extend the curfew", "wants to attack"; "X said Y must agree" is a
    demand of Y, whatever Y is asked to do (:func:`~.modality._intent`)."""
    trig = cand.trig
    intent = _intent(cand.tok, cand.lex)
    if intent is not None and intent.lemma == "must":
        cand.trig = cand.intent = intent  # "said Valadares must dismiss her": whatever the verb
    elif trig is None or trig.type in ("statement", "attack", "agreement"):
        cand.intent = intent
        if intent is not None and (trig is None or trig.type == "statement" or intent.type == "threat"):
            cand.trig = intent
    return True


def _is_verb_act(cand: Candidate) -> bool:
    """A trigger on a verb; an auxiliary only for "said" and "must" ("has", "will" are no acts)."""
    trig, tok = cand.trig, cand.tok
    if trig is None or tok.pos_ not in ("VERB", "AUX", "NOUN"):
        return False
    return not (tok.pos_ == "AUX" and trig.lemma not in ("say", "must"))


def _not_a_modifier(cand: Candidate) -> bool:
    """"the agreed plan", "a proposed meeting": a participle modifying a noun is no act (an
    attack is: "a bombed village"; so is a misparsed "X, said Y" attribution)."""
    tok = cand.tok
    return not (tok.dep_ == "amod" or tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl") and cand.trig.type != "attack"
                and not _misparsed_attribution(tok))


def _finite_where_asked(cand: Candidate) -> bool:
    """Verbs of the lexicon's ``finite_only`` list are acts only when finite: "marched to protest",
    "demonstrators protesting" are a demonstration, not a complaint (unless a crowd's protest is
    the purpose of what the sentence says it did: "walked off the job to demonstrate")."""
    tok = cand.tok
    return not (cand.trig.lemma in cand.lex.finite_only
                and not (_is_finite(tok) or tok.dep_ == "ROOT" and _children(tok, "nsubj"))
                and not _crowd_purpose(tok, cand.crowd, cand.res))


def _visit_not_appeal(cand: Candidate) -> bool:
    """"called on President Marcos at the palace": a visit (a meeting), not an appeal (:func:`_is_visit`)."""
    if cand.trig.lemma in ("call on", "call upon") and _is_visit(cand.tok, cand.res):
        cand.trig = Trigger(*cand.lex.rules["visit"], cand.trig.lemma)
    return True


def _is_visit(verb, res: Resolver) -> bool:
    """"called on President Marcos at the palace": a visit to a person, not an appeal.

    Only when nothing is asked of him -- no infinitive or clause ("called on X to withdraw"),
    no object and no "for" ("called on X for restraint") -- and "on" names a person.
    """
    if any(c.dep_ in ("xcomp", "ccomp", "dobj", "advcl") or c.dep_ == "prep" and c.lower_ == "for"
           for c in verb.children):
        return False
    for p in _children(verb, "prep"):
        if p.lower_ in ("on", "upon"):
            for o in _children(p, "pobj"):
                if any(c.dep_ in ("xcomp", "acl", "relcl") for c in o.children):
                    return False
                keys = res.phrase(o, allow_groups=False)
                return bool(keys) and all(res.entity(k).type == "person" for k in keys)
    return False


def _verb_source(cand: Candidate) -> bool:
    """Who acts: the subject ("Russia attacked") with the subjects coordinated in its apposition,
    the agent ("was attacked by Russia"); for an
    attack with no subject the one named on its means ("Russian missiles struck"); for a speech
    act the issuer of a document ("a statement from the ministry said")."""
    tok, res = cand.tok, cand.res
    cand.source, cand.passive = _subject(tok, res)
    subj, _ = cand.actor()
    if cand.source and subj is not None and not cand.passive:
        # "Chile's minister, Ana Soto, and Peru's, Luis Vega, met": the parser hangs the second
        # subject on the first one's apposition
        cand.source += [k for k in _listed_in_apposition(subj, res) if k not in cand.source]
    if cand.trig.type == "attack" and not cand.source:
        cand.source = _attacker_named_by_means(tok, cand.passive, res)
    if cand.trig.type in SPEECH_TYPES and not cand.source:
        cand.source = _issuer(tok, res)
    return True


# ---------------------------------------------------------------------------
# Verbs: do the parties fit the event?
# ---------------------------------------------------------------------------
def _not_other_sense(cand: Candidate) -> bool:
    """A phrasal verb of another sense is no trigger: "blasted off", "sworn in"."""
    lex = cand.lex
    return not any(f"{lex.lemma(cand.tok.text)} {p.lower_}" in lex.not_phrasal.get(cand.trig.type, ())
                   for p in _children(cand.tok, "prt"))


def _announced_by_actor(cand: Candidate) -> bool:
    """An announced action ("will resume", "will cut") is an intent of an actor that names what it
    will do: "the royal commission will resume", "new laws will cut pollution", "the coach decided
    to end their partnership" (in an article about a game) are none."""
    if cand.trig is not cand.intent or cand.trig.type not in ("threat", "agreement"):
        return True
    verb = cand.tok
    if _contest_doc(verb.doc, cand.lex):
        return False
    subj, passive = cand.actor()
    if not (cand.source or subj is not None and not passive and _agent_noun(subj, cand.lex)):
        return False
    return bool(_children(verb, "dobj", "dative", "xcomp", "ccomp", "prt"))


def _attack_fits(cand: Candidate) -> bool:
    """An attack needs an attacker that can attack and an object that can be attacked: not "the
    storm struck", "firefighters are battling the blaze"; "beat", "fight", "clash" are no attack in
    a contest ("beat South Africa by 246 runs") or a dispute ("clashed over asylum seekers");
    "was fired from the factory" is a dismissal; "were killed" with no agent is an attack only in
    a sentence of violence ("when a fire broke out" is none)."""
    trig, verb = cand.trig, cand.tok
    if trig.type != "attack":
        return True
    subj, passive = cand.actor()
    lex = cand.lex
    if subj is not None and any(w.lower_ in lex.not_agents for w in _head_words(subj)):
        return False
    if any(w.lower_ in lex.not_targets for o in _children(verb, "dobj") for w in _head_words(o)):
        return False
    contest = trig.lemma in lex.contest_verbs
    if contest and (_contest_sentence(verb.sent, lex) or _contest_doc(verb.doc, lex)):
        return False
    if contest and any(p.lower_ in ("over", "about") for p in _children(verb, "prep")) and not _violent(verb.sent, verb, lex):
        return False
    if trig.lemma in lex.dismissal_verbs and passive and any(p.lower_ == "from" for p in _children(verb, "prep")):
        return False
    # an attacker named on the means is violence enough
    return not (trig.lemma in lex.casualty_verbs and subj is None and not cand.source
                and not _violent(verb.sent, verb, lex))


def _threat_has_speaker(cand: Candidate) -> bool:
    """A threat by an unnamed speaker needs a speaker: not "a fire is threatening properties"."""
    if cand.trig.type != "threat" or cand.source:
        return True
    subj, passive = cand.actor()
    return not (subj is not None and not passive and not _agent_noun(subj, cand.lex))


def _directed_has_party(cand: Candidate) -> bool:
    """A directed act in the passive needs someone: "when burden sharing is requested" is asked by
    no one of no one."""
    if cand.trig.type not in DIRECTED_TYPES or cand.source:
        return True
    subj, passive = cand.actor()
    return not (passive and subj is None and not any(cand.res.phrase(s) for s in _children(cand.tok, "nsubjpass")))


def _agreement_object_fits(cand: Candidate) -> bool:
    """Some cooperative verbs need a given kind of object: "share intelligence" (not "shared a
    partnership of 181 runs"), "recognise Kosovo", "committed to the plan"."""
    trig, verb = cand.trig, cand.tok
    if trig.type != "agreement":
        return True
    objects = _children(verb, "dobj")
    lex = cand.lex
    wanted = lex.object_words.get(trig.lemma)
    if wanted is not None and not any(o.lower_ in wanted for o in objects):
        return False
    unwanted = lex.not_objects.get(trig.lemma, frozenset())
    if any(o.lower_ in unwanted for o in objects):
        return False
    if trig.lemma in lex.actor_object and not any(cand.res.phrase(o) for o in objects):
        return False
    return not (trig.lemma in lex.to_complement and not (
        _children(verb, "xcomp", "dative") or any(p.lower_ == "to" for p in _children(verb, "prep"))))


def _warning_of_danger(cand: Candidate) -> bool:
    """A warning or a vow is a threat when it is given to someone ("warned Kuwait not to interfere") or
    what it holds out is coercive or violent ("warned of a harsh response", "vowed to continue its
    holy war"); "warned of a new computer virus" is a pessimistic comment (012), "vowed never to
    forget the victims" a statement."""
    trig, verb, lex = cand.trig, cand.tok, cand.lex
    code = lex.unthreatening.get(trig.lemma)
    if trig.type != "threat" or code is None:
        return True
    if any(cand.res.phrase(o) or _agent_noun(o, lex) and o.pos_ != "PRON" for o in _children(verb, "dobj")):
        return True  # "warned Kuwait not to interfere": a warning to someone
    stack = [(c, 1) for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "prep", "advcl")]
    while stack:
        t, depth = stack.pop()
        kind = lex.intent_actions.get(lex.lemma(t.text, lex.intent_actions)) if t.pos_ == "VERB" else None
        trig_t = lex.verb_trigger(t.text) if t.pos_ == "VERB" else lex.noun_trigger(t.text) if t.pos_ == "NOUN" else None
        if kind == "negative" or t.lower_ in lex.sanction_nouns or t.lower_ in lex.negative_objects \
                or trig_t is not None and trig_t.type in ("attack", "threat", "protest") \
                or t.lower_ in lex.violence_words:
            return True
        if depth < 5:
            stack += [(c, depth + 1) for c in t.children]
    cand.trig = Trigger("statement", code, trig.lemma)
    return True


# ---------------------------------------------------------------------------
# Verbs: targets, per type (the table is rules.VERB_TARGETS)
# ---------------------------------------------------------------------------
def _demand_targets(cand: Candidate) -> bool:
    """"X said Y must withdraw": a demand by X of Y (:func:`~.arguments._demand_of_report`); "said
    growth should pick up" is a forecast: "should" is a demand only of someone named, in the
    active ("said the minister should resign")."""
    cand.source, cand.targets = _demand_of_report(cand.tok, cand.res)
    if not any(c.lower_ == "should" for c in _children(cand.tok, "aux")):
        return True
    # "Arafat should be toppled" is not asked of him
    lex = cand.lex
    ents = [cand.res.entity(k) for k in cand.targets]
    named = [e for e in ents if e.type != "group" and (e.iso or any(
        n.lower() not in lex.government_nouns for n in e.names))]  # not "the Government" alone
    return bool(named) and not _children(cand.tok, "auxpass")


def _statement_targets(cand: Candidate) -> bool:
    """Whom a statement addressed ("told Kerry", "briefed President Ford"), else the party its
    reported clause is about ("said Iran was ready": :func:`~.arguments._reported_party`)."""
    tok, res = cand.tok, cand.res
    cand.targets = [k for d in _children(tok, "dative", "dobj") for k in res.phrase(d, allow_groups=False)
                    if res.entity(k).type != "group"] if cand.trig.lemma in cand.lex.addressee_verbs else []
    if not cand.targets and cand.source:
        cand.targets = _reported_party(tok, res, cand.source)
    return True


def _meeting_targets(cand: Candidate) -> bool:
    """Whom the subject met: "met with X", "visited X" / "called on X" (or the place visited),
    "Norway hosted talks between A and B" (the parties of the talks), "X and Y met" (the
    subject's conjuncts); "attended a summit" is a meeting with no counterpart named, and with
    none and no meeting noun there is none ("welcomed the visit" is approval)."""
    tok, res, source, lemma = cand.tok, cand.res, cand.source, cand.trig.lemma
    lex = cand.lex
    visit = cand.trig.cameo == lex.rules["visit"][1]
    targets = _objects(tok, res, ("with", "to", "on", "upon") if visit else ("with", "to"))
    if not targets and visit:
        targets = [k for k in _destination(tok, None, res) if k not in source]
    if not targets and lemma in lex.holding_verbs:
        targets = [k for o in _children(tok, "dobj") for k in _participants(o, res) if k not in source]
    if not targets and len(source) > 1:
        cand.source, targets = source[:1], source[1:]
        cand.together = list(targets)
    cand.targets = targets
    if targets:
        return True
    return lemma in lex.holding_verbs and any((t := lex.noun_trigger(c.text)) is not None and t.type == "meeting"
                                              for c in _children(tok, "dobj"))


def _appeal_targets(cand: Candidate) -> bool:
    """Whom an asking verb asks: its object and the subject of its clause ("wants Putin to
    attack", "urged Iran to stop"); "sought to ease tensions" is an attempt, not a request.
    Other appeal verbs read their targets like any act (:func:`_act_targets`: "appealed to X")."""
    tok, res, lemma = cand.tok, cand.res, cand.trig.lemma
    if lemma not in cand.lex.asking_verbs:
        return _act_targets(cand)
    objs = _children(tok, "dobj")
    xcomp = _children(tok, "xcomp", "ccomp")
    if lemma == "want" and not (xcomp and (objs or _children(xcomp[0], "nsubj"))):
        return False
    if lemma == "seek" and not objs:
        return False
    targets: list[str] = []
    for o in objs:
        targets += res.phrase(o)
    for x in xcomp:
        for s in _children(x, "nsubj"):
            targets += res.phrase(s)
    cand.targets = targets
    return True


def _act_targets(cand: Candidate) -> bool:
    """The targets of any other act: the passive subject ("X was attacked"), the objects
    ("attacked X", "protested against X"), the parties of its content ("accused X of ..."), for
    an attack what it fired at ("fired missiles at Russia") and the places it hit ("shelled
    Aleppo"); "X and Y agreed" is an agreement between them."""
    tok, res, kind, source = cand.tok, cand.res, cand.trig.type, cand.source
    targets = _passive_targets(cand) if cand.passive else []
    targets += _objects(tok, res, ("on", "upon", "against", "for") if kind == "appeal" else ("against", "on"))
    if kind in DIRECTED_TYPES:
        targets += _content_targets(tok, kind, res)
    if kind == "attack":
        targets += _objects(tok, res, ("at",))
    if source and not [t for t in targets if t not in source] and kind in DIRECTED_TYPES | SYMMETRIC_TYPES | {"attack"}:
        targets += _party_in_content(cand, targets)  # only for an act with a named actor
    if kind in SYMMETRIC_TYPES and len(source) > 1:
        cand.together = [] if targets else source[1:]
        cand.source, targets = source[:1], source[1:] + targets
    if kind == "attack":
        targets += [res.m.place_at[x.i] for o in _children(tok, "dobj") for x in [o] + list(o.conjuncts)
                    if x.i in res.m.place_at]
    cand.targets = targets
    return True


def _passive_targets(cand: Candidate) -> list[str]:
    """The passive subject ("Iraq was attacked"), for an attack the state of its victims ("three
    Iraqi civilians were killed"), else a party named inside it when the act has a source ("a
    camp for Congolese refugees was attacked": the refugees)."""
    tok, res = cand.tok, cand.res
    targets = [k for s in _children(tok, "nsubjpass") for k in res.phrase(s)]
    if not targets and cand.trig.type == "attack":
        # "three Iraqi civilians were killed": the victims' state, whoever the attacker
        targets = [k for s in _children(tok, "nsubjpass") for k in _owner_state(s, res)]
    if not targets and cand.source:
        targets = [k for s in _children(tok, "nsubjpass") for k in _content_party(
            s, res, cand.source, places="place" if cand.trig.type == "attack" else None, depth=REPORT_DEPTH)]
    return targets


def _party_in_content(cand: Candidate, targets: list[str]) -> list[str]:
    """A party named in the act's content when it names no one else (:func:`~.arguments._content_party`);
    for a threat with none, or only a forum (:func:`_forum_of_act`), the party it coerces; for
    another directed act, the subject of its reported clause ("X is failing ..., a rights group
    protested")."""
    tok, res, kind, source = cand.tok, cand.res, cand.trig.type, cand.source
    more = _content_party(tok, res, source, subjects=kind != "threat",
                          places={"attack": "place", "threat": "state"}.get(kind),
                          audience=kind != "accusation", purposes=kind in ("agreement", "threat"))
    if kind == "threat" and not targets and (not more or _forum_of_act(tok, more, res)):
        # "warned that Norway could take the matter to the WTO if Madrid tried to block the deal":
        # aimed at the party it means to move (Spain), not at where it would be carried
        more = _coerced_party(tok, res, source) or more
    if not targets and not more and kind in DIRECTED_TYPES and kind != "threat":
        more = _reported_party(tok, res, source)
    return more


def _forum_of_act(verb, keys: list[str], res: Resolver) -> bool:
    """The parties ``keys`` are named only as where an act in ``verb``'s content would be taken:
    "take the matter to the World Trade Organization", "refer the case before the court" (the
    lexicon's ``forum_verbs``)."""
    lex = res.lex

    def carried(t) -> bool:
        if t.dep_ != "pobj" or t.head.lower_ not in ("to", "before"):
            return False
        v = t.head.head.head if t.head.head.dep_ == "dobj" else t.head.head  # "the matter to", "take ... to"
        return v.i != verb.i and v.pos_ == "VERB" and lex.lemma(v.text, lex.forum_verbs) in lex.forum_verbs

    at = [t for t in verb.subtree if res.actor_key(t.i) in keys  # the head word of each mention
          and res.actor_key(t.head.i) != res.actor_key(t.i)]
    return bool(at) and all(carried(t) for t in at)


# ---------------------------------------------------------------------------
# Verbs and nouns: retyping and the keep/drop checks
# ---------------------------------------------------------------------------
def _threat_of_protest(cand: Candidate) -> bool:
    """What a threat holds out is a protest: "unions threatened to strike" is CAMEO 133."""
    if cand.trig.type == "threat" and _threatens_protest(cand.tok, cand.res):
        cand.trig = Trigger(*cand.lex.rules["threaten protest"], cand.trig.lemma)
    return True


def _accusing_report(cand: Candidate) -> bool:
    """A statement whose reported clause accuses its named subject is an accusation of it:
    "Kurti said Serbia was running away from its obligations" ("X said X's forces had ..." is none)."""
    trig, source = cand.trig, cand.source
    accused = _accused_in_report(cand.tok, cand.res) if trig.type == "statement" and source \
        and trig.lemma in cand.lex.reporting_verbs else []
    cand.accused = [k for k in accused if k not in source]
    if cand.accused:
        cand.trig, cand.targets = Trigger(*cand.lex.rules["accusing report"], trig.lemma), cand.accused
    return True


def _attacked_state_targets(cand: Candidate) -> bool:
    """An attack on a state's people or places is an attack on it: "shelled Aleppo" targets Syria
    too (:func:`~.arguments._attacked_states`)."""
    if cand.trig.type == "attack":
        cand.targets = _attacked_states(cand.targets, cand.res)
    return True


def _distinct_targets(cand: Candidate) -> bool:
    """Each target once, and none that is also the source ("X said X's forces ...")."""
    cand.targets = [t for t in dict.fromkeys(cand.targets) if t not in cand.source]
    return True


def _note_unnamed_speaker(cand: Candidate) -> bool:
    """A speech act with no named speaker worth keeping ("officials warned",
    :func:`~.arguments._unnamed_speaker`)."""
    cand.unnamed = not cand.source and _unnamed_speaker(cand.tok, cand.trig)
    return True


def _speaker_named(cand: Candidate) -> bool:
    """A speech act needs a speaker: "a statement said" with no one behind it is dropped."""
    return not (cand.trig.type in SPEECH_TYPES and not cand.source and not cand.unnamed)


def _party_named(cand: Candidate) -> bool:
    """An act of a type that needs a party names one: "cooperation was discussed" names none
    (an attack, an agreement, a protest, a meeting and a directed act may go without)."""
    return not (cand.trig.type not in PARTICIPANT_FREE_TYPES | DIRECTED_TYPES and not cand.source and not cand.targets)


def _meeting_has_party(cand: Candidate) -> bool:
    """A meeting names at least one side: "the talks were held" alone is none."""
    return not (cand.trig.type == "meeting" and not cand.targets and not cand.source)


def _unattributed_is_main(cand: Candidate) -> bool:
    """An unattributed event is kept only as the sentence's main statement ("Two were killed in an
    explosion"), or as the purpose of a crowd's act ("took to the streets protesting")."""
    tok = cand.tok
    return not (not cand.source and not cand.targets and not cand.unnamed and not _is_main_clause(tok, cand.lex)
                and not _crowd_purpose(tok, cand.crowd, cand.res))


# ---------------------------------------------------------------------------
# Nouns: the trigger, and whether it is an event here
# ---------------------------------------------------------------------------
def _noun_trigger(cand: Candidate) -> bool:
    """The registry's trigger of a noun: "talks", "an attack", "Russia's demand"."""
    cand.trig = cand.lex.noun_trigger(cand.tok.text)
    return cand.trig is not None


def _call_is_a_call(cand: Candidate) -> bool:
    """"a phone call", "a courtesy call on X" are events; "a call for restraint" is not one here."""
    tok = cand.tok
    return not (cand.trig.lemma == "call" and not any(c.lower_ in ("phone", "telephone") for c in tok.children)
                and not _is_courtesy_call(tok, cand.lex))


def _verb_it_needs(cand: Candidate) -> bool:
    """A noun that counts only as the object of given verbs: "lodged a protest" is a complaint;
    "protests erupted" is a demonstration (its ``otherwise`` trigger) or nothing."""
    trig, tok, lex = cand.trig, cand.tok, cand.lex
    if trig.verbs and not (tok.dep_ in ("dobj", "nsubjpass") and lex.lemma(tok.head.text, trig.verbs) in trig.verbs):
        cand.trig = trig.otherwise
    return cand.trig is not None


def _strike_of_workers(cand: Candidate) -> bool:
    """"a general strike", "teachers went on strike": a protest, not an air strike (:func:`_labour_strike`)."""
    if cand.trig.type == "attack" and cand.tok.lower_ in ("strike", "strikes"):
        cand.trig = _labour_strike(cand.tok, cand.res) or cand.trig
    return True


def _not_the_month(cand: Candidate) -> bool:
    """"in March": the month, not a protest march."""
    return not (cand.trig.type == "protest" and cand.tok.pos_ != "NOUN")


def _carrier_noun(cand: Candidate) -> bool:
    """A trigger in a compound counts through a carrier noun, which holds the arguments: "a
    mediation effort between A and B"; "peace activists" is none (an attack compound is: "missile
    strikes")."""
    tok = cand.tok
    if tok.dep_ == "compound" and cand.trig.type != "attack":
        if tok.head.lower_ not in cand.lex.carrier_nouns:
            return False
        cand.tok = tok.head
    return True


def _not_the_verbs_own(cand: Candidate) -> bool:
    """The verb the noun hangs from; a noun that spells out the verb's own event adds nothing
    ("meet X for talks")."""
    tok, lex = cand.tok, cand.lex
    verb = cand.verb = _climb_to_verb(tok)
    if verb is not None:
        vt = lex.verb_trigger(verb.text)
        if vt and vt.type == cand.trig.type and verb.i in _ancestors_within(tok, 3):
            return False
    return True


def _noun_participants(cand: Candidate) -> bool:
    """The noun's other parties: "talks with A", "between A and B", "US-Russian talks"
    (:func:`~.arguments._participants`)."""
    cand.participants = _participants(cand.tok, cand.res)
    return True


# ---------------------------------------------------------------------------
# Meeting nouns
# ---------------------------------------------------------------------------
def _meeting_noun_source(cand: Candidate) -> bool:
    """Who meets: the subject of the verb the noun hangs from ("X held talks with Y"); "X
    undertook a mission between A and B": X meets both sides; "the talks, X said, ...": the
    speaker of the clause the talks are the subject of."""
    tok, verb, res = cand.tok, cand.verb, cand.res
    if verb is None:
        return True
    between = any(p.lower_ in ("between", "among") for p in _children(tok, "prep"))
    if not between and tok.dep_ not in SUBJECT_DEPS:
        cand.source, _ = _subject(verb, res)
    elif between and tok.dep_ == "dobj" and tok.head.i == verb.i:
        source, _ = _subject(verb, res)
        cand.source = [k for k in source if k not in cand.participants]
    elif tok.dep_ in SUBJECT_DEPS and not between:
        cand.source, _ = _subject(verb.head, res) if verb.dep_ == "ccomp" else ([], False)
    return True


def _meeting_not_setting(cand: Candidate) -> bool:
    """"on the second day of a conference": a setting, not a meeting of the subject."""
    verb = cand.verb
    return not (not cand.participants and verb is not None and verb.i not in _ancestors_within(cand.tok, 3))


def _meeting_noun_parties(cand: Candidate) -> bool:
    """Source and counterparts of a meeting noun: "talks between A and B" is A's with B; "X and Y
    agreed ... after a meeting": the coordinated subjects met; "a visit to X": the place visited.
    Dropped when it names no one."""
    source, participants = cand.source, cand.participants
    if not source and len(participants) >= 2:
        source, participants = participants[:1], participants[1:]
    if len(source) > 1 and not participants:
        source, participants = source[:1], source[1:]
    targets = [p for p in participants if p not in source]
    if not targets and cand.trig.cameo == cand.lex.rules["visit"][1]:
        targets = [k for k in _destination(cand.tok, cand.verb, cand.res) if k not in source]
    cand.source, cand.targets = source, targets
    return bool(targets or source)


def _courtesy_call(cand: Candidate) -> bool:
    """"paid a courtesy call on him": a visit (CAMEO 042)."""
    if _is_courtesy_call(cand.tok, cand.lex):
        cand.trig = Trigger(*cand.lex.rules["visit"], cand.trig.lemma)
    return True


# ---------------------------------------------------------------------------
# Other nouns
# ---------------------------------------------------------------------------
def _noun_source(cand: Candidate) -> bool:
    """Who acts: the subject of a light verb ("launched an attack", "signed a deal"), or of the verb
    a noun needs ("presented evidence", "lodged a protest"), else a national adjective or a
    possessive ("Russian announcement", "Russia's demand")."""
    if cand.light:
        cand.source, _ = _subject(cand.verb, cand.res)
    if not cand.source:
        cand.source = cand.mods[:1]
    return True


def _attack_noun_is_act(cand: Candidate) -> bool:
    """An attack noun is an act when someone carries it out: not "hunger strike", "general strike";
    one named in passing ("after the invasion") is background."""
    if cand.trig.type != "attack":
        return True
    if any(c.lower_ in cand.lex.not_attack_modifiers for c in cand.tok.children):
        return False
    return bool(cand.light and cand.source or cand.mods)


def _noun_targets(cand: Candidate) -> bool:
    """Whom the noun is aimed at: "an attack on Palestinian targets", "talks with X", "a demand to
    X", a party named inside the object ("on some of the Palestinian symbols"; the parser may hang
    "on X" on the light verb: "launched raids on X"); an attack's places ("the invasion of South
    Lebanon"); an agreement's participants ("a deal between A and B")."""
    tok, res, kind = cand.tok, cand.res, cand.trig.type
    preps = _children(tok, "prep") + (_children(cand.verb, "prep") if cand.light and kind == "attack" else [])
    aims = ("on", "against", "with", "to", "for") + (("at", "into") if kind == "attack" else ())
    targets = [k for p in preps if p.lower_ in aims
               for o in _children(p, "pobj") for k in _party_or_state(o, res)
               or _content_party(o, res, cand.source, groups=False, depth=3)]
    if kind == "attack" and cand.light and tok.dep_ == "pobj" and tok.head.lower_ == "in" \
            and tok.head.head.i == cand.verb.i:
        # "engaged Filipino peacekeepers in a firefight": the light verb's object is who was fought
        targets += [k for o in _children(cand.verb, "dobj") for k in _party_or_state(o, res)]
    if kind == "attack":
        for p in _children(tok, "prep"):
            if p.lower_ in ("on", "against", "of"):
                for o in _children(p, "pobj"):
                    if o.i in res.m.place_at:
                        targets.append(res.m.place_at[o.i])
                    elif p.lower_ == "of":
                        targets += res.phrase(o, allow_groups=False)
    cand.targets = (cand.participants or targets) if kind == "agreement" else targets
    return True


def _weapon_aimed(cand: Candidate) -> bool:
    """A weapon launched or fire opened is an attack when it names whom it was aimed at: "launched
    missiles at the Georgian government", "opened fire on Indian border posts"; "launched a
    missile on Sunday" may be a test, "returned fire" names no one (the attack type's
    ``aimed_nouns``)."""
    return not (cand.trig.type == "attack" and cand.tok.lower_ in cand.lex.aimed_nouns and not cand.targets)


def _someone_named(cand: Candidate) -> bool:
    """A noun other than an attack names a party: "cooperation", "deal" alone name no one; a
    protest is kept when the sentence reports it as happening ("Protests erupted in Jakarta")."""
    return not (cand.trig.type != "attack" and not cand.source and not cand.targets and not (
        cand.trig.type == "protest" and _protest_reported(cand.tok, cand.res)))


def _attack_not_background(cand: Candidate) -> bool:
    """"the anniversary of the invasion", "a return to attacks": with no attacker, background."""
    tok = cand.tok
    return not (cand.trig.type == "attack" and tok.dep_ == "pobj" and tok.head.lower_ in ("of", "to")
                and not cand.source)


def _contest_sentence(sent, lex: Lexicon) -> bool:
    """A sentence about a game or a match ("won 3-1", "the final"): its "attacks" are no violence."""
    words = lex.competition_words
    return any(t.lower_ in words for t in sent) or any(_is_score(t) for t in sent)


def _is_score(tok) -> bool:
    """"6-3", "3-0", "246 runs" style results."""
    text = tok.text
    return "-" in text and all(p.isdigit() for p in text.split("-")) and text.count("-") == 1


def _contest_doc(doc, lex: Lexicon) -> bool:
    """An article about a game or a race: four different competition words or more."""
    if "graphbuild_contest" not in doc.user_data:
        words = lex.competition_words
        doc.user_data["graphbuild_contest"] = len({t.lower_ for t in doc if t.lower_ in words}) >= 4
    return doc.user_data["graphbuild_contest"]


def _violent(sent, verb, lex: Lexicon) -> bool:
    """The sentence tells of violence besides ``verb``: a weapon, an armed group, another attack."""
    words = lex.violence_words
    return any(t.lower_ in words and t.i != verb.i for t in sent)


def _agent_noun(tok, lex: Lexicon) -> bool:
    """A noun for someone who can speak or act: a title, an official body, a group, a crowd, a pronoun."""
    low = tok.lower_[:-1] if tok.tag_ == "NNS" and tok.lower_.endswith("s") else tok.lower_
    return tok.pos_ == "PROPN" or tok.lower_ in lex.person_pronouns or tok.lower_ in ("i", "we", "they") \
        or low in lex.title_nouns or low in lex.official_heads \
        or low in lex.group_heads or low in lex.org_words or tok.lower_ in lex.crowd_nouns \
        or low in lex.member_nouns


def _crowd_act(verb, res: Resolver) -> Trigger | None:
    """A protest by a crowd: "thousands protested", "workers went on strike", "farmers blocked the road".

    A protest verb ("demonstrate", "rally", "march") needs a crowd for subject, so "stocks rallied"
    and "troops marched" are no protest; a verb of another type is a protest only when a crowd does
    it, so "China protested to Japan" stays a complaint (CAMEO 114) and "troops struck" an attack.
    """
    if verb.pos_ != "VERB":
        return None
    crowd_verbs = res.lex.crowd_verbs
    lemma = res.lex.lemma(verb.text, crowd_verbs)
    code = crowd_verbs.get(lemma)
    if code is None:
        return None
    subj, passive = _subject_token(verb)
    if passive or subj is None:
        return None
    return Trigger("protest", code, lemma) if _is_crowd(subj, res.lex) else None


def _crowd_purpose(verb, crowd: Trigger | None, res: Resolver) -> bool:
    """A crowd's protest told as the purpose or manner of what the main clause says it did:
    "workers walked off the job to demonstrate", "people took to the streets protesting" (not
    "marched to protest", where the march is the protest already)."""
    if crowd is None or verb.dep_ not in ("xcomp", "advcl", "conj") or _crowd_act(verb.head, res) is not None:
        return False
    t = verb.head
    for _ in range(3):
        if _is_main_clause(t, res.lex):
            return True
        if t.dep_ not in ("xcomp", "advcl", "conj", "relcl"):
            return False
        t = t.head
    return False


def _threatens_protest(verb, res: Resolver) -> bool:
    """What a threat holds out is a protest: "threatened to strike", "warned of a general strike"."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and _crowd_act(c, res) is not None:
            return True
        nouns = [c] if c.dep_ == "dobj" else _children(c, "pobj") if c.dep_ == "prep" else []
        if any(_names_protest(n, res) for n in nouns):
            return True
    return False


def _names_protest(noun, res: Resolver) -> bool:
    """The noun names a protest ("a general strike", "demonstrations")."""
    trig = res.lex.noun_trigger(noun.text)
    if trig is None:
        return False
    if trig.type == "attack" and noun.lower_ in ("strike", "strikes"):
        return _labour_strike(noun, res) is not None
    return "protest" in (trig.type, trig.otherwise.type if trig.otherwise else None)


def _labour_strike(noun, res: Resolver) -> Trigger | None:
    """A strike that is a protest, not an air strike: "a general strike", "a hunger strike" (142),
    "teachers' strike", "went on strike", "a strike by nurses", "workers staged a strike"."""
    for c in noun.children:
        code = res.lex.strike_modifiers.get(c.lower_)
        if code and c.dep_ in ("amod", "compound", "nmod", "poss"):
            return Trigger("protest", code, "strike")
    strike = Trigger("protest", res.lex.crowd_verbs["strike"], "strike")
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.pos_ in ("VERB", "AUX"):
        return strike
    if _by_a_crowd(noun, res.lex):
        return strike
    verb = _climb_to_verb(noun)
    if verb is not None and noun.dep_ == "dobj" and res.lex.is_light_verb(verb.text):
        subj, passive = _subject_token(verb)
        if subj is not None and not passive and _is_crowd(subj, res.lex):
            return strike
    return None


def _by_a_crowd(noun, lex: Lexicon) -> bool:
    """The noun is done "by" a crowd: "a strike by nurses", "a rally by thousands of workers"."""
    return any(p.lower_ == "by" and any(_is_crowd(o, lex) for o in _children(p, "pobj"))
               for p in _children(noun, "prep"))


def _protest_reported(noun, res: Resolver) -> bool:
    """A protest named by a noun with no named party, kept when the sentence reports it as
    happening: "Protests erupted in Jakarta", "landowners began a hunger strike", "Teachers went
    on strike"."""
    lex = res.lex
    verb = _climb_to_verb(noun)
    if verb is None or not _is_main_clause(verb, lex):
        return False
    if noun.dep_ == "nsubj" and noun.head.i == verb.i:
        occurs = lex.occurrence_verbs
        return lex.lemma(verb.text, occurs) in occurs
    if noun.dep_ == "dobj" and noun.head.i == verb.i and lex.is_light_verb(verb.text):
        return True  # "Algerian landowners began a hunger strike"
    if _by_a_crowd(noun, lex):
        return True  # "It coincides with a rally by thousands of building workers"
    subj, passive = _subject_token(verb)
    return subj is not None and not passive and _is_crowd(subj, res.lex)
