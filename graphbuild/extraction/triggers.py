"""Triggers: a verb or noun of the event-type registry made into an event with its arguments.

:func:`_verb_event` and :func:`_noun_event` are the two entry points; each checks
the trigger, reads its arguments (:mod:`.arguments`), its status (:mod:`.modality`)
and the rules that say whether ordinary news makes a political event of it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..event_types import REGISTRY
from ..lexicon import Lexicon, Trigger
from .arguments import (
    _accused_in_report, _attacked_states, _attacker_named_by_means, _co_sources, _coerced_party,
    _content_party, _content_targets, _demand_of_report, _destination, _is_courtesy_call, _issuer,
    _objects, _owner_state, _participants, _reported_party, _unnamed_speaker, REPORT_DEPTH,
)
from .clauses import (
    _ancestors_within, _children, _climb_to_verb, _head_words, _is_crowd, _is_finite, _is_main_clause,
    _misparsed_attribution, _subject_token,
)
from .coreference import _subject
from .mentions import SUBJECT_DEPS
from .modality import _intent, _status
from .records import (
    FoundEvent, _NOT_ATTACK_MODIFIERS, ADDRESSEE_LEMMAS, AGREEMENT, ASKING_VERBS, ATTACK, CROWD_VERBS, DIRECTED_TYPES,
    HOLDING_VERBS, PARTICIPANT_FREE_TYPES, PROTEST, REPORTING_LEMMAS, SPEECH_TYPES, STRIKE_MODIFIERS,
    SYMMETRIC_TYPES, VISIT_CAMEO,
)

if TYPE_CHECKING:  # pragma: no cover
    from .coreference import _Resolver


def _verb_event(tok, res: _Resolver) -> FoundEvent | None:
    """The event a verb (or phrasal verb) triggers, with its arguments, or None.

    In order: the trigger (a phrasal verb first, then the verb; an announced action may make it
    a threat or an offer, see :func:`~.modality._intent`); the checks that it is an act here (not a
    modifier, finite where the type asks it, a visit rather than an appeal for "called on X");
    its source (:func:`~.coreference._subject`) and targets, read per type (a meeting's
    counterparts, whom an appeal asks, objects and the parties of the act's content); a
    statement that accuses the subject of its reported clause becomes an accusation; then the
    rules that drop acts without the parties their type needs; its status
    (:func:`~.modality._status`) last.
    """
    lex = res.lex
    trig: Trigger | None = None
    for prt in _children(tok, "prt", "prep"):
        trig = lex.phrasal_trigger(tok.text, prt.text) or trig
        if trig:
            break
    if trig is None:
        trig = lex.verb_trigger(tok.text)
    crowd = _crowd_act(tok, res)
    if crowd is not None:
        trig = crowd  # "thousands protested", "workers will strike": a protest, not a complaint or a threat
    elif trig is not None and trig.type == PROTEST.name:
        trig = None  # "stocks rallied", "troops marched": no crowd, no protest ("would boycott" may be a threat)
    intent = None
    if trig is None or trig.type in ("statement", "attack", "agreement"):
        # An armed act or a coercive measure someone says they will or want to carry out is a
        # threat (CAMEO 13): "will extend the curfew", "wants to attack".
        intent = _intent(tok, lex)
        # "X said Y must agree/withdraw": a demand of Y, whatever Y is asked to do.
        if intent is not None and (trig is None or trig.type == "statement" or intent.type == "threat"
                                   or intent.lemma == "must"):
            trig = intent
    if trig is None or tok.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    if tok.pos_ == "AUX" and trig.lemma not in ("say", "must"):
        return None
    if tok.dep_ == "amod" or tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl") and trig.type != "attack" \
            and not _misparsed_attribution(tok):
        return None
    if trig.lemma in lex.finite_only and not (_is_finite(tok) or tok.dep_ == "ROOT" and _children(tok, "nsubj")) \
            and not _crowd_purpose(tok, crowd, res):
        return None  # "marched to protest", "demonstrators protesting": a demonstration, not a complaint
    if trig.lemma in ("call on", "call upon") and _is_visit(tok, res):
        trig = Trigger("meeting", VISIT_CAMEO, trig.lemma)
    lemma = trig.lemma
    source, passive = _subject(tok, res)
    together: list[str] = []  # coordinated subjects of a symmetric act, after the first
    if trig.type == "attack" and not source:
        source = _attacker_named_by_means(tok, passive, res)
    if trig.type in SPEECH_TYPES and not source:
        source = _issuer(tok, res)
    if not _parties_fit(tok, trig, source, trig is intent, res):
        return None
    trig = _warning_of_danger(tok, trig, res)
    targets: list[str] = []
    if lemma == "must":
        source, targets = _demand_of_report(tok, res)
    elif trig.type == "statement":
        targets = [k for d in _children(tok, "dative", "dobj") for k in res.phrase(d, allow_groups=False)
                   if res.m.entities[k].type != "group"] if lemma in ADDRESSEE_LEMMAS else []
        if not targets and source:
            targets = _reported_party(tok, res, source)
    elif trig.type == "meeting":
        targets = _objects(tok, res, ("with", "to", "on", "upon") if trig.cameo == VISIT_CAMEO else ("with", "to"))
        if not targets and trig.cameo == VISIT_CAMEO:
            targets = [k for k in _destination(tok, None, res) if k not in source]
        if not targets and lemma in HOLDING_VERBS:
            # "Norway hosted talks between A and B": the host meets the parties of the talks.
            targets = [k for o in _children(tok, "dobj") for k in _participants(o, res) if k not in source]
        # "X and Y met": the subject's conjuncts are the counterparts.
        if not targets and len(source) > 1:
            source, targets = source[:1], source[1:]
            together = targets
        if not targets:
            # "attended a summit": a meeting whose counterparts are not named ("welcomed the
            # visit" is approval, not a meeting of the subject).
            if lemma not in HOLDING_VERBS or not any(lex.noun_trigger(c.text) and lex.noun_trigger(c.text).type == "meeting"
                       for c in _children(tok, "dobj")):
                return None
    elif lemma in ASKING_VERBS and trig.type == "appeal":
        objs = _children(tok, "dobj")
        xcomp = _children(tok, "xcomp", "ccomp")
        if lemma == "want" and not (xcomp and (objs or _children(xcomp[0], "nsubj"))):
            return None
        if lemma == "seek" and not objs:
            return None  # "sought to ease tensions" is an attempt, not a request
        targets = []
        for o in objs:
            targets += res.phrase(o)
        for x in xcomp:
            for s in _children(x, "nsubj"):
                targets += res.phrase(s)
    else:
        if passive:
            targets = [k for s in _children(tok, "nsubjpass") for k in res.phrase(s)]
            if not targets and source:
                # "a camp for Congolese refugees was attacked": a party named inside the subject
                targets = [k for s in _children(tok, "nsubjpass") for k in _content_party(
                    s, res, source, places="place" if trig.type == "attack" else None, depth=REPORT_DEPTH)]
        targets += _objects(tok, res, ("on", "upon", "against", "for") if trig.type == "appeal" else ("against", "on"))
        if trig.type in DIRECTED_TYPES:
            targets += _content_targets(tok, trig.type, res)
        if trig.type == "attack":
            targets += _objects(tok, res, ("at",))  # "fired missiles at Russia"
        if source and not [t for t in targets if t not in source] \
                and trig.type in DIRECTED_TYPES | SYMMETRIC_TYPES | {"attack"}:
            # Only for an act with a named actor: an unattributed one is kept on its own merits.
            targets += _content_party(tok, res, source, subjects=trig.type != "threat",
                                      places={"attack": "place", "threat": "state"}.get(trig.type),
                                      audience=trig.type != "accusation",
                                      purposes=trig.type in ("agreement", "threat"))
            if not targets and trig.type == "threat":
                targets += _coerced_party(tok, res, source)
            if not targets and trig.type in DIRECTED_TYPES and trig.type != "threat":
                # "X is failing ..., a rights group protested": the reported clause's subject.
                targets += _reported_party(tok, res, source)
        if trig.type in SYMMETRIC_TYPES and len(source) > 1:
            # "X and Y agreed": an agreement between them.
            together = [] if targets else source[1:]
            source, targets = source[:1], source[1:] + targets
        if trig.type == "attack":
            # Attacks may target places ("shelled Aleppo").
            for o in _children(tok, "dobj"):
                for x in [o] + list(o.conjuncts):
                    if x.i in res.m.place_at:
                        targets.append(res.m.place_at[x.i])
    if trig.type == "threat" and _threatens_protest(tok, res):
        trig = Trigger(*REGISTRY.rule("threaten protest"), lemma)  # "unions threatened to strike": CAMEO 133
    accused = _accused_in_report(tok, res) if trig.type == "statement" and source and lemma in REPORTING_LEMMAS else []
    accused = [k for k in accused if k not in source]  # "X said X's forces had ...": no accusation
    if accused:
        trig, targets = Trigger(*REGISTRY.rule("accusing report"), lemma), accused
    if trig.type == "attack":
        targets = _attacked_states(targets, res)
    targets = [t for t in dict.fromkeys(targets) if t not in source]
    unnamed = not source and _unnamed_speaker(tok, trig)
    if trig.type in SPEECH_TYPES and not source and not unnamed:
        return None
    if trig.type not in PARTICIPANT_FREE_TYPES | DIRECTED_TYPES and not source and not targets:
        return None
    if trig.type == "meeting" and not targets and not source:
        return None
    if not source and not targets and not unnamed and not _is_main_clause(tok, lex) \
            and not _crowd_purpose(tok, crowd, res):
        return None  # an unattributed event is kept only as the sentence's main statement
    # "A, B and C met": B met C too (each later partner is also a source, of the partners after it).
    return FoundEvent(trig.type, trig.cameo, tok, source[:1], targets, _status(tok, lex),
                  _co_sources(trig.type, source, targets, res) or tuple(together[:-1]), reports_facts=bool(accused))


def _is_visit(verb, res: _Resolver) -> bool:
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
                return bool(keys) and all(res.m.entities[k].type == "person" for k in keys)
    return False


def _noun_event(tok, res: _Resolver) -> FoundEvent | None:
    """The event a noun triggers ("talks with X", "an attack on Y", "Russia's demand"), or None.

    A meeting noun takes its participants from "with"/"between" and its source from the verb
    it hangs from ("held talks with"); other nouns take their source from a light verb
    ("launched an attack") or a possessive or national adjective ("Russia's demand"), and their
    targets from "on"/"against"/"with"/"to"/"for".  A noun that repeats the verb's own event, a
    strike that is a labour strike, an attack named in passing are no events.
    """
    lex = res.lex
    trig = lex.noun_trigger(tok.text)
    if trig is None:
        return None
    if trig.lemma == "call" and not any(c.lower_ in ("phone", "telephone") for c in tok.children) \
            and not _is_courtesy_call(tok, lex):
        return None
    if trig.verbs and not (tok.dep_ in ("dobj", "nsubjpass") and lex.lemma(tok.head.text, trig.verbs) in trig.verbs):
        trig = trig.otherwise  # "lodged a protest" is a complaint; "protests erupted" is a demonstration
        if trig is None:
            return None
    if trig.type == "attack" and tok.lower_ in ("strike", "strikes"):
        trig = _labour_strike(tok, res) or trig
    if trig.type == PROTEST.name and tok.pos_ != "NOUN":
        return None  # "March", the month
    if tok.dep_ == "compound" and trig.type != "attack":
        if tok.head.lower_ not in lex.carrier_nouns:
            return None
        tok = tok.head  # "a mediation effort between A and B": the carrier noun holds the arguments
    verb = _climb_to_verb(tok)
    # A noun that spells out the verb's own event ("meet X for talks") adds nothing.
    if verb is not None:
        vt = lex.verb_trigger(verb.text)
        if vt and vt.type == trig.type and verb.i in _ancestors_within(tok, 3):
            return None
    participants = _participants(tok, res)
    source: list[str] = []
    if trig.type == "meeting":
        between = any(p.lower_ in ("between", "among") for p in _children(tok, "prep"))
        if verb is not None and not between and tok.dep_ not in SUBJECT_DEPS:
            source, _ = _subject(verb, res)
        elif verb is not None and between and tok.dep_ == "dobj" and tok.head.i == verb.i:
            # "X undertook a mediation mission between A and B": X meets both sides.
            source, _ = _subject(verb, res)
            source = [k for k in source if k not in participants]
        elif verb is not None and tok.dep_ in SUBJECT_DEPS and not between:
            source, _ = _subject(verb.head, res) if verb.dep_ == "ccomp" else ([], False)
        if not participants and verb is not None and verb.i not in _ancestors_within(tok, 3):
            return None  # "on the second day of a conference": a setting, not a meeting of the subject
        if not source and len(participants) >= 2:
            source, participants = participants[:1], participants[1:]
        if len(source) > 1 and not participants:
            # "X and Y agreed ... after a meeting": the coordinated subjects met.
            source, participants = source[:1], source[1:]
        targets = [p for p in participants if p not in source]
        if not targets and trig.cameo == VISIT_CAMEO:
            targets = [k for k in _destination(tok, verb, res) if k not in source]
        if not targets and not source:
            return None
        cameo = VISIT_CAMEO if _is_courtesy_call(tok, lex) else trig.cameo
        return FoundEvent("meeting", cameo, tok, source[:1], targets, _status(tok, lex))
    # Other nouns take their source from a light verb ("launched an attack", "signed a deal")
    # or a demonym/possessive ("Russian announcement", "Russia's demand").
    mods = [res.m.actor_at[c.i] for c in _children(tok, "amod", "compound", "poss", "nmod") if c.i in res.m.actor_at]
    # The verb a noun needs ("presented evidence", "lodged a protest") acts like a light verb.
    light = verb is not None and (lex.is_light_verb(verb.text) or bool(trig.verbs)) and tok.dep_ in (
        "dobj", "pobj", "attr", "nsubjpass")
    if light:
        source, _ = _subject(verb, res)
    if not source and mods:
        source = mods[:1]
    if trig.type == "attack":
        if any(c.lower_ in _NOT_ATTACK_MODIFIERS for c in tok.children):
            return None  # "hunger strike", "general strike"
        if not (light and source) and not mods:
            return None  # an attack named in passing ("after the invasion") is background
    # "an attack on Palestinian targets", "on some of the Palestinian symbols": a party named
    # inside the object (a national adjective standing for its state)
    # (the parser may hang "on X" on the light verb: "launched raids on X")
    preps = _children(tok, "prep") + (_children(verb, "prep") if light and trig.type == "attack" else [])
    targets = [k for p in preps if p.lower_ in ("on", "against", "with", "to", "for")
               for o in _children(p, "pobj") for k in res.phrase(o) or _owner_state(o, res)
               or _content_party(o, res, source, groups=False, depth=3)]
    if trig.type == "attack":
        for p in _children(tok, "prep"):
            if p.lower_ in ("on", "against", "of"):  # "the invasion of South Lebanon"
                for o in _children(p, "pobj"):
                    if o.i in res.m.place_at:
                        targets.append(res.m.place_at[o.i])
                    elif p.lower_ == "of":
                        targets += res.phrase(o, allow_groups=False)
    if trig.type == "agreement":
        targets = participants or targets
    if trig.type == "attack":
        targets = _attacked_states(targets, res)
    targets = [t for t in dict.fromkeys(targets) if t not in source]
    if trig.type in SPEECH_TYPES and not source:
        return None
    if trig.type not in PARTICIPANT_FREE_TYPES and not source and not targets:
        return None
    if trig.type != "attack" and not source and not targets and not (
            trig.type == PROTEST.name and _protest_reported(tok, res)):
        return None  # "cooperation", "deal" alone name no one
    if trig.type == "attack" and tok.dep_ == "pobj" and tok.head.lower_ in ("of", "to") and not source:
        return None
    # "Japan, Australia and the European Union expressed concern": each named speaker spoke.
    return FoundEvent(trig.type, trig.cameo, tok, source[:1], targets, _status(tok, lex),
                  _co_sources(trig.type, source, targets, res))


def _parties_fit(verb, trig: Trigger, source: list[str], announced: bool, res: _Resolver) -> bool:
    """Whether a verb trigger's subject and object fit the event it names.

    * an announced action ("will resume", "will cut") is an intent of an actor that names what it
      will do: "the royal commission will resume", "new laws will cut pollution" are none;
    * an attack needs an attacker that can attack and an object that can be attacked: not "the
      storm struck", "firefighters are battling the blaze", "fighting the proposal"; "beat", "fight",
      "battle", "clash" are no attack in a contest ("beat South Africa by 246 runs"); "were killed"
      with no agent is an attack only in a sentence of violence ("when a fire broke out" is none);
    * a threat by an unnamed speaker needs a speaker: not "a fire is threatening properties";
    * some cooperative verbs need a given kind of object ("share intelligence", "recognise Kosovo",
      "committed to the plan").
    """
    lex = res.lex
    if any(f"{lex.lemma(verb.text)} {p.lower_}" in REGISTRY[trig.type].word_list("not_phrasal")
           for p in _children(verb, "prt")):
        return False  # "blasted off", "sworn in"
    subj, passive = _subject_token(verb)
    objects = _children(verb, "dobj")
    if announced and trig.type in ("threat", "agreement") and _contest_doc(verb.doc):
        return False  # "the coach decided to end their partnership"
    if announced and trig.type in ("threat", "agreement"):
        if not (source or subj is not None and not passive and _agent_noun(subj, lex)):
            return False
        if not _children(verb, "dobj", "dative", "xcomp", "ccomp", "prt"):
            return False
    if trig.type == "attack":
        if subj is not None and any(w.lower_ in ATTACK.word_list("not_agents") for w in _head_words(subj)):
            return False
        if any(w.lower_ in ATTACK.word_list("not_targets") for o in objects for w in _head_words(o)):
            return False
        if trig.lemma in ATTACK.word_list("contest_verbs") and (_contest_sentence(verb.sent) or _contest_doc(verb.doc)):
            return False
        if trig.lemma in ATTACK.word_list("contest_verbs") and any(p.lower_ in ("over", "about") for p in _children(
                verb, "prep")) and not _violent(verb.sent, verb):
            return False  # "Australia and the United Nations have clashed over asylum seekers": a dispute
        if trig.lemma in ATTACK.word_list("dismissal_verbs") and passive and any(
                p.lower_ == "from" for p in _children(verb, "prep")):
            return False  # "was fired from the factory"
        if trig.lemma in ATTACK.word_list("casualty_verbs") and subj is None and not source \
                and not _violent(verb.sent, verb):  # an attacker named on the means is violence enough
            return False
    if trig.type == "threat" and not source and subj is not None and not passive and not _agent_noun(subj, lex):
        return False
    if trig.type in DIRECTED_TYPES and not source and passive and subj is None and not any(
            res.phrase(s) for s in _children(verb, "nsubjpass")):
        return False  # "when burden sharing is requested": asked by no one of no one
    if trig.type == "agreement":
        wanted = AGREEMENT.table("object_words").get(trig.lemma)
        if wanted is not None and not any(o.lower_ in wanted for o in objects):
            return False
        unwanted = AGREEMENT.table("not_objects").get(trig.lemma, frozenset())
        if any(o.lower_ in unwanted for o in objects):
            return False
        if trig.lemma in AGREEMENT.word_list("actor_object") and not any(res.phrase(o) for o in objects):
            return False
        if trig.lemma in AGREEMENT.word_list("to_complement") and not (_children(verb, "xcomp", "dative") or any(
                p.lower_ == "to" for p in _children(verb, "prep"))):
            return False
    return True


def _contest_sentence(sent) -> bool:
    """A sentence about a game or a match ("won 3-1", "the final"): its "attacks" are no violence."""
    words = ATTACK.word_list("competition_words")
    return any(t.lower_ in words for t in sent) or any(_is_score(t) for t in sent)


def _is_score(tok) -> bool:
    """"6-3", "3-0", "246 runs" style results."""
    text = tok.text
    return "-" in text and all(p.isdigit() for p in text.split("-")) and text.count("-") == 1


def _contest_doc(doc) -> bool:
    """An article about a game or a race: four different competition words or more."""
    if "graphbuild_contest" not in doc.user_data:
        words = ATTACK.word_list("competition_words")
        doc.user_data["graphbuild_contest"] = len({t.lower_ for t in doc if t.lower_ in words}) >= 4
    return doc.user_data["graphbuild_contest"]


def _violent(sent, verb) -> bool:
    """The sentence tells of violence besides ``verb``: a weapon, an armed group, another attack."""
    words = ATTACK.word_list("violence_words")
    for t in sent:
        if t.i == verb.i:
            continue
        if t.lower_ in words:
            return True
    return False


def _agent_noun(tok, lex: Lexicon) -> bool:
    """A noun for someone who can speak or act: a title, an official body, a group, a crowd, a pronoun."""
    low = tok.lower_[:-1] if tok.tag_ == "NNS" and tok.lower_.endswith("s") else tok.lower_
    return tok.pos_ == "PROPN" or tok.lower_ in lex.person_pronouns or tok.lower_ in ("i", "we", "they") \
        or low in lex.title_nouns or low in lex.official_heads \
        or low in lex.group_heads or low in lex.org_words or tok.lower_ in PROTEST.word_list("crowd_nouns") \
        or low in lex.member_nouns


def _warning_of_danger(verb, trig: Trigger, res: _Resolver) -> Trigger:
    """A warning or a vow is a threat when it is given to someone ("warned Kuwait not to interfere") or
    what it holds out is coercive or violent ("warned of a harsh response", "vowed to continue its
    holy war"); "warned of a new computer virus" is a pessimistic comment (012), "vowed never to
    forget the victims" a statement."""
    code = REGISTRY["statement"].table("unthreatening").get(trig.lemma)
    if trig.type != "threat" or code is None:
        return trig
    lex = res.lex
    if any(res.phrase(o) or _agent_noun(o, lex) and o.pos_ != "PRON" for o in _children(verb, "dobj")):
        return trig  # "warned Kuwait not to interfere": a warning to someone
    stack = [(c, 1) for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "prep", "advcl")]
    while stack:
        t, depth = stack.pop()
        kind = lex.intent_actions.get(lex.lemma(t.text, lex.intent_actions)) if t.pos_ == "VERB" else None
        trig_t = lex.verb_trigger(t.text) if t.pos_ == "VERB" else lex.noun_trigger(t.text) if t.pos_ == "NOUN" else None
        if kind == "negative" or t.lower_ in lex.sanction_nouns or t.lower_ in lex.negative_objects \
                or trig_t is not None and trig_t.type in ("attack", "threat", PROTEST.name) \
                or t.lower_ in ATTACK.word_list("violence_words"):
            return trig
        if depth < 5:
            stack += [(c, depth + 1) for c in t.children]
    return Trigger("statement", code, trig.lemma)


def _crowd_act(verb, res: _Resolver) -> Trigger | None:
    """A protest by a crowd: "thousands protested", "workers went on strike", "farmers blocked the road".

    A protest verb ("demonstrate", "rally", "march") needs a crowd for subject, so "stocks rallied"
    and "troops marched" are no protest; a verb of another type is a protest only when a crowd does
    it, so "China protested to Japan" stays a complaint (CAMEO 114) and "troops struck" an attack.
    """
    if verb.pos_ != "VERB":
        return None
    lemma = res.lex.lemma(verb.text, CROWD_VERBS)
    code = CROWD_VERBS.get(lemma)
    if code is None:
        return None
    subj, passive = _subject_token(verb)
    if passive or subj is None:
        return None
    return Trigger(PROTEST.name, code, lemma) if _is_crowd(subj) else None


def _crowd_purpose(verb, crowd: Trigger | None, res: _Resolver) -> bool:
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


def _threatens_protest(verb, res: _Resolver) -> bool:
    """What a threat holds out is a protest: "threatened to strike", "warned of a general strike"."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and _crowd_act(c, res) is not None:
            return True
        nouns = [c] if c.dep_ == "dobj" else _children(c, "pobj") if c.dep_ == "prep" else []
        if any(_names_protest(n, res) for n in nouns):
            return True
    return False


def _names_protest(noun, res: _Resolver) -> bool:
    """The noun names a protest ("a general strike", "demonstrations")."""
    trig = res.lex.noun_trigger(noun.text)
    if trig is None:
        return False
    if trig.type == "attack" and noun.lower_ in ("strike", "strikes"):
        return _labour_strike(noun, res) is not None
    return PROTEST.name in (trig.type, trig.otherwise.type if trig.otherwise else None)


def _labour_strike(noun, res: _Resolver) -> Trigger | None:
    """A strike that is a protest, not an air strike: "a general strike", "a hunger strike" (142),
    "teachers' strike", "went on strike", "a strike by nurses", "workers staged a strike"."""
    for c in noun.children:
        code = STRIKE_MODIFIERS.get(c.lower_)
        if code and c.dep_ in ("amod", "compound", "nmod", "poss"):
            return Trigger(PROTEST.name, code, "strike")
    strike = Trigger(PROTEST.name, CROWD_VERBS["strike"], "strike")
    if noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.pos_ in ("VERB", "AUX"):
        return strike
    if any(p.lower_ == "by" and any(_is_crowd(o) for o in _children(p, "pobj")) for p in _children(noun, "prep")):
        return strike
    verb = _climb_to_verb(noun)
    if verb is not None and noun.dep_ == "dobj" and res.lex.is_light_verb(verb.text):
        subj, passive = _subject_token(verb)
        if subj is not None and not passive and _is_crowd(subj):
            return strike
    return None


def _protest_reported(noun, res: _Resolver) -> bool:
    """A protest named by a noun with no named party, kept when the sentence reports it as
    happening: "Protests erupted in Jakarta", "landowners began a hunger strike", "Teachers went
    on strike"."""
    lex = res.lex
    verb = _climb_to_verb(noun)
    if verb is None or not _is_main_clause(verb, lex):
        return False
    if noun.dep_ == "nsubj" and noun.head.i == verb.i:
        occurs = PROTEST.word_list("occurrence_verbs")
        return lex.lemma(verb.text, occurs) in occurs
    if noun.dep_ == "dobj" and noun.head.i == verb.i and lex.is_light_verb(verb.text):
        return True  # "Algerian landowners began a hunger strike"
    if any(p.lower_ == "by" and any(_is_crowd(o) for o in _children(p, "pobj")) for p in _children(noun, "prep")):
        return True  # "It coincides with a rally by thousands of building workers"
    subj, passive = _subject_token(verb)
    return subj is not None and not passive and _is_crowd(subj)
