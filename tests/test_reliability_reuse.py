"""helpers.reuse.shared_passages on texts written for the test."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.reliability.reuse import COLUMNS, shared_passages

QUOTE = ("Nous constatons une augmentation du nombre de Nord-Coréens mais aucune augmentation "
         "de la réaction de nos partenaires")


def corpus(*texts):
    return pd.DataFrame({"article_id": [f"{i:03d}" for i in range(len(texts))],
                         "text": list(texts)})


def test_a_quote_with_words_added_is_one_passage():
    a = ("Le président a parlé lundi. “Nous constatons une augmentation du nombre de "
         "Nord-Coréens près du front mais aucune augmentation de la réaction de nos "
         "partenaires”, a-t-il déploré.")
    b = f"Tout autre chose au début de cet article. « {QUOTE}. » Puis la suite."
    found = shared_passages(corpus(a, b))
    assert len(found) == 1
    row = found.iloc[0]
    assert (row["article_a"], row["article_b"]) == ("000", "001")
    assert row["passage_a"].startswith("Nous constatons") and "près du front" in row["passage_a"]
    assert row["passage_b"] == QUOTE
    assert a[row["start_a"]:row["end_a"]] == row["passage_a"]
    assert b[row["start_b"]:row["end_b"]] == row["passage_b"]
    assert 85 < row["similarity"] < 100


def test_accents_case_apostrophes_do_not_hide_a_copy():
    a = "D'après le GUR, au moins 30 soldats nord-coréens auraient été tués ou blessés."
    b = "Le GUR a déclaré qu’au moins 30 soldats NORD-COREENS auraient ete tues ou blesses."
    row = shared_passages(corpus(a, b)).iloc[0]
    assert row["shared_words"] >= 9


def test_passages_are_found_in_any_order():
    first = "Les forces de Kiev intensifient leur contre-offensive dans la région frontalière."
    second = "Le Kremlin a renvoyé toutes les questions au ministère russe de la Défense ce lundi."
    found = shared_passages(corpus(f"{first} {second}", f"{second} Rien. {first}"))
    assert len(found) == 2


def test_common_phrases_and_unrelated_texts_are_not_reuse():
    a = "Les soldats sont dans la région de Koursk depuis octobre, dit-il."
    b = "Personne ne sait combien sont dans la région de Koursk aujourd'hui."
    assert shared_passages(corpus(a, b)).empty
    assert shared_passages(corpus(a, b), min_words=5).shared_words.tolist() == [6]
    assert list(shared_passages(corpus("un", "deux", "")).columns) == COLUMNS


def test_each_pair_once_and_an_article_is_not_compared_with_itself():
    text = f"Il a dit : {QUOTE}."
    found = shared_passages(corpus(text, text, text))
    assert sorted(zip(found["article_a"], found["article_b"], strict=True)) == [
        ("000", "001"), ("000", "002"), ("001", "002")]
    assert (found["similarity"] == 100).all()


words = st.sampled_from("le la soldat troupe Koursk nord-coréen front guerre dit selon".split())


@settings(max_examples=50, deadline=None)
@given(st.lists(words, max_size=40), st.lists(words, max_size=40))
def test_offsets_always_point_at_the_passages(a, b):
    texts = (" ".join(a), " ".join(b))
    for row in shared_passages(corpus(*texts), min_words=4).itertuples():
        assert texts[0][row.start_a:row.end_a] == row.passage_a
        assert texts[1][row.start_b:row.end_b] == row.passage_b
        assert 0 <= row.similarity <= 100
