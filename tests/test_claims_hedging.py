"""helpers.claims.hedging: the conditionnel journalistique and lexical hedges, and what is not a
hedge."""

from __future__ import annotations

import pytest

from helpers.claims.hedging import find_hedges, hedge_words, is_conditional, load_hedges
from helpers.core.nlp import parse


@pytest.mark.parametrize("text, words", [
    ("Les militaires de Kiev auraient tiré sur les soldats.", ["auraient"]),
    ("La plupart des soldats seraient en formation.", ["seraient"]),
    ("Un premier contingent arriverait dans l'est de la Russie.", ["arriverait"]),  # tagged Imp
    ("Ce seraient les premières victimes.", ["seraient"]),
    ("La Corée du Nord pourrait bénéficier de technologies.", ["pourrait"]),
    ("Selon Kiev, les pertes sont lourdes.", ["Selon"]),
    ("D'après le GUR, les pertes sont lourdes.", ["D'après"]),
    ("Kyiv affirme avoir combattu les troupes nord-coréennes.", ["affirme"]),
    ("Le présumé espion a été arrêté.", ["présumé"]),
    ("La collaboration ne semble pas encore développée.", ["semble"]),
    ("Il était probable que cinq unités soient déployées.", ["probable"]),
    ("Les États-Unis pensaient que les soldats étaient engagés.", ["pensaient"]),
    ("Pyongyang est accusé par Kiev de fournir des obus.", ["accusé"]),
    ("Une source a assuré à l'AFP que Moscou tentait d'étendre la guerre.", ["assuré"]),
    ("La vérité risque pourtant d'éclater au grand jour.", ["risque"]),
    ("Il est possible que des soldats participent déjà aux combats.", ["possible"]),
    ("Les pertes sont sans doute lourdes.", ["sans doute"]),
])
def test_hedges(text, words):
    assert hedge_words(parse(text)) == words


@pytest.mark.parametrize("text", [
    "J'ai décidé qu'il valait mieux céder à cette situation.",  # imparfait
    "Il vaudrait mieux attendre une confirmation officielle.",  # advice
    "Il faudrait davantage de preuves.",  # necessity
    "Pyongyang voudrait obtenir des technologies.",  # wish
    "Choe Son-hui a promis que son pays resterait aux côtés de son partenaire.",  # futur du passé
    "Kim Jong Un a promis que son pays soutiendrait la Russie.",
    "Il a également publié des images qui montraient des troupes russes.",  # imparfait in -raient
    "Le ministère a assuré la sécurité du convoi.",  # assurer without a clause
    "L'Ukraine accuse et s'inquiète",  # the accusation is not spelled out
    "La BBC n'a pas vérifié ces affirmations de manière indépendante.",  # a caveat, not a hedge
    "Le GUR a déclaré que 30 soldats avaient été tués.",
    "Alerte ORANGE « pluie crue » et « orages »",  # 'crue' is not 'croire' here
])
def test_not_hedges(text):
    assert hedge_words(parse(text)) == []


def test_a_modal_after_a_past_verb_stays_a_hedge():
    doc = parse("De hauts responsables ont averti que Pyongyang pourrait envoyer des troupes.")
    assert hedge_words(doc) == ["pourrait"]


@pytest.mark.parametrize("word, expected", [
    ("arriverait", True), ("finiraient", True), ("prendrions", True), ("viendraient", True),
    ("seraient", True), ("feraient", True), ("montraient", False), ("entrait", False),
    ("valait", False), ("portrait", False),
])
def test_is_conditional(word, expected):
    doc = parse(f"Ils {word} demain.")
    assert is_conditional(doc[1]) is expected


def test_find_hedges_returns_tokens():
    doc = parse("Selon eux, les soldats auraient fui.")
    assert [t.i for t in find_hedges(doc)] == [0, 5]


def test_lexicon_is_well_formed():
    hedges = load_hedges()
    assert {h.match for h in hedges} == {"lemma", "form", "phrase", "conditional", "exempt"}
    assert {h.condition for h in hedges} <= {"any", "complement", "allegation", "source", "belief",
                                             "appearance"}
    assert len({h.trigger for h in hedges}) == len(hedges)
