"""The families of errors the eleventh and twelfth first-run evaluations
(``tests/data/eval/firstrun11`` and ``firstrun12``) revealed, each tested on sentences written for
these tests: other stories, names and wording than the evaluations' articles. Read with a story
folder that has no actor table."""

from __future__ import annotations

import pytest
from story_free import no_story_table, speaker, tags  # noqa: F401 (the fixture is autouse)


def test_a_role_where_it_serves_then_the_name():
    text = ("« Le pont restera fermé », a indiqué mardi soir le directeur régional de Voies "
            "navigables de France en Occitanie, Marc Bessières, devant la mairie.")
    assert speaker(text) == "Marc Bessières"


def test_a_description_of_what_a_body_does_goes_back_to_it():
    text = ("Les réparations coûteront 3 millions d'euros, a indiqué Enedis. Le gestionnaire du "
            "réseau table sur « au moins six semaines » de travaux.")
    assert speaker(text) == "Enedis"


def test_a_quote_of_two_sentences_closed_by_s_emporter():
    text = ("« On nous promet des travaux depuis dix ans. Rien n'a bougé », s'emporte Lucie "
            "Arnaud, présidente du comité de quartier. La présidente réclame une réunion.")
    assert list(tags(text)["speaker"]) == ["Lucie Arnaud"] * 3


@pytest.mark.parametrize("text, expected", [
    # the tokenizer splits a name at its hyphen
    ("De son côté, la FSU-Enseignement de Lyon accuse le rectorat d'avoir « menti ».",
     "FSU-Enseignement de Lyon"),
    ("Pour la CLCV-Consommation du Gard, les tarifs sont « injustifiés ».",
     "CLCV-Consommation du Gard"),
])
def test_a_name_split_at_its_hyphen_is_kept_whole(text, expected):
    assert speaker(text) == expected


def test_a_participle_opening_the_sentence_is_not_the_subject():
    text = ("Sollicitée, la direction de la Compagnie des Alpes dément tout retard et assure que "
            "les remontées ouvriront samedi.")
    assert speaker(text) not in {"Sollicitée", ""}


def test_a_body_named_in_a_document_keeps_no_participle():
    text = ("Un rapport de l'Observatoire national de la sécurité routière publié en mars "
            "estimait que 300 accidents étaient évitables.")
    assert speaker(text) == "Observatoire national de la sécurité routière"


def test_selon_lui_goes_to_the_body_that_is_the_subject_of_its_sentence():
    text = ("Le tribunal administratif de Lille a annulé mardi l'arrêté, contraire selon lui au "
            "droit de l'environnement.")
    assert speaker(text) == "tribunal administratif de Lille"


def test_a_document_named_again_has_the_author_named_the_first_time():
    text = ("Une étude de l'Observatoire régional du logement chiffre à 12 000 le nombre de "
            "demandes en attente. « C'est intenable », dit Paul Roux, locataire. Selon l'étude, "
            "publiée lundi, les délais dépassent trois ans.")
    assert speaker(text) == "Observatoire régional du logement"


def test_a_body_by_the_first_word_of_the_name_given_in_full_before():
    text = ("Pour Anne Marec, chercheuse à l'Institut national de la recherche agronomique, la "
            "sécheresse « change tout ». D'après une étude de l'Institut publiée en mai, les "
            "rendements ont baissé de 20 %.")
    assert speaker(text) == "Institut national de la recherche agronomique"


@pytest.mark.parametrize("text, expected", [
    # a noun for a person, by its ending, with a relative clause between commas
    ("Un contrôleur aérien, qui a requis l'anonymat, affirme que les radars sont « à bout ».",
     "contrôleur aérien"),
    # its field after "en", and what it tells as an infinitive
    ("Une infirmière en réanimation, qui préfère garder l'anonymat, raconte dormir sur place.",
     "infirmière en réanimation"),
])
def test_anonymous_people_described_by_their_trade(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize("text", [
    # the future in the past after a pluperfect, past an addressee or a quote
    "En mai, le préfet avait promis à la presse qu'une digue serait construite.",
    "La ministre avait promis que les éleveurs seraient « indemnisés ».",
    # a conditional after a hypothesis in the imperfect
    "Si le tribunal annulait l'élection, le préfet devrait nommer une délégation spéciale.",
])
def test_conditionals_that_are_no_hedge(text):
    assert not tags(text).iloc[-1]["hedged"]


def test_a_reported_conditional_is_still_a_hedge():
    assert tags("Selon la préfecture, 300 maisons auraient été inondées.").iloc[-1]["hedged"]
