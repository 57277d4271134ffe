"""The claims filter widget, driven without a browser."""

from types import SimpleNamespace

import pandas as pd

from helpers.claim_filter import claim_filter


def claims():
    return pd.DataFrame(
        {
            "article_id": ["000_a", "000_a", "003_b"],
            "sentence_id": [0, 1, 0],
            "sentence": ["Selon Kiev, 30 soldats.", "Le ciel est bleu.", "Une source proche."],
            "speaker": ["Ukraine", "", "source proche du dossier"],
            "speaker_kind": ["institution", "", "anonymous"],
            "hedged": [True, False, False],
            "hedges": [["Selon"], [], []],
        }
    )


def test_filter_redraws_on_every_change():
    w = claim_filter(claims())
    assert w.count.value == "3 of 3 sentences"
    w.kind.value = "anonymous"
    assert w.count.value == "1 of 3 sentences"
    assert w.rows()["article_id"].tolist() == ["003_b"]
    w.kind.value = None
    w.hedged.value = True
    assert w.count.value == "1 of 3 sentences"
    w.hedged.value = False
    w.article.value = "000"
    w.contains.value = "ciel"
    assert w.rows()["sentence_id"].tolist() == [1]


def test_long_results_say_how_many_are_shown():
    w = claim_filter(claims(), max_rows=2)
    assert w.count.value == "3 of 3 sentences (showing the first 2)"


def test_saved_notebooks_show_a_sentence_not_widget_internals():
    from helpers.figure_filter import FigureFilter
    from helpers.widgets import TaggingWidget

    assert repr(claim_filter(claims())).startswith("[the claims filter: run this cell")
    for cls in (FigureFilter, TaggingWidget):
        # __repr__ reads nothing from the widget: a stand-in avoids building a half widget
        assert "run this cell in JupyterLab" in cls.__repr__(SimpleNamespace())
