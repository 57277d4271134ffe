"""The families of errors the thirty-first to thirty-fourth first-run evaluations
(``tests/data/eval/firstrun31`` to ``firstrun34``) revealed, each tested on sentences written for
these tests: other stories, names and wording than the evaluations' articles. Read with a story
folder that has no actor table."""

from __future__ import annotations

from story_free import no_story_table, speaker, tags  # noqa: F401 (the fixture is autouse)


def test_a_present_the_model_calls_an_infinitive_is_an_incise_verb():
    text = "« Nous sommes épuisés », résume sa secrétaire, Aline Poirier."
    assert speaker(text) == "Aline Poirier"


def test_a_possessive_noun_for_a_person_with_a_name_in_apposition():
    text = ("Le collectif a saisi la justice. Son juriste, Bruno Lefèvre, a annoncé lundi un "
            "second recours.")
    assert speaker(text) == "Bruno Lefèvre"


def test_an_indefinite_noun_for_a_person_with_a_name_in_apposition():
    assert speaker("Une cliente, Inès Garnier, raconte avoir attendu deux heures.") == (
        "Inès Garnier")


def test_a_colleague_named_with_a_lawyer_s_title_is_a_later_lawyer():
    text = ("Me Paul Vidal a plaidé la relaxe. Sa consœur, Me Nora Chaib, a affirmé que "
            "l'expertise était fausse. L'avocate a estimé que le dossier était vide.")
    assert list(tags(text)["speaker"]) == ["Paul Vidal", "Nora Chaib", "Nora Chaib"]


def test_selon_meaning_depending_on_names_no_source():
    row = tags("Le tarif varie de 20 à 40 euros selon les trajets.").iloc[0]
    assert (row["speaker"], row["hedged"]) == ("", False)
    assert speaker("Selon la région, les trains rouleront lundi.") == "région"


def test_two_bodies_joined_by_et_are_not_one_name():
    text = "La région Occitanie et SNCF Voyageurs promettent une desserte renforcée."
    assert speaker(text) == "région Occitanie"


def test_a_person_s_name_does_not_start_with_the_incise_verb():
    assert speaker("« C'était long », sourit Théo, 15 ans.") == "Théo"


def test_a_lower_case_medium_after_the_subject_is_the_addressee():
    text = "Les clients seront remboursés, a fait savoir la société à franceinfo."
    assert speaker(text) != "franceinfo"


def test_the_information_of_a_medium():
    assert speaker("Selon les informations du Parisien, le décret est prêt.") == "Le Parisien"


def test_the_head_of_a_school_by_another_word():
    text = ("Le principal du collège, Marc Aubin, a fermé la cantine. Les repas reprendront "
            "lundi, a précisé le chef d'établissement.")
    assert speaker(text) == "Marc Aubin"


def test_a_body_described_then_named_by_capitalised_words_or_with_a_number():
    text = ("L'association des riverains du port, Amis de Port-Haliguen, affirme avoir été "
            "prévenue tard.")
    assert speaker(text) == "Amis de Port-Haliguen"
    assert speaker("Le club de judo local, Dojo Brestois 29, dit avoir perdu dix licenciés.") == (
        "Dojo Brestois 29")


def test_a_demonstrative_pronoun_points_back():
    text = ("Le rassemblement était interdit par la préfecture du Gard, qui a dénoncé des "
            "dégradations. Celle-ci a fait état de 800 manifestants.")
    assert speaker(text) == "préfecture du Gard"


def test_a_date_between_an_incise_verb_and_its_subject():
    text = "Douze lots de lait ont été rappelés, a annoncé ce jeudi 3 septembre la DGCCRF."
    assert speaker(text) == "DGCCRF"


def test_the_future_in_the_past_after_faire_savoir():
    text = "La métropole a fait savoir dans un communiqué qu'elle ne financerait pas le projet."
    assert not tags(text).iloc[0]["hedged"]


def test_appearance_past_a_phrase_of_time_is_a_hedge():
    assert tags("Les réserves paraissent pour l'instant suffisantes.").iloc[0]["hedged"]


def test_avancer_in_an_incise_after_a_clause():
    text = "La route pourrait rouvrir en mai, avance un technicien de la mairie."
    assert speaker(text) == "technicien de la mairie"
    assert speaker("L'armée avance de dix kilomètres vers l'est.") == ""
