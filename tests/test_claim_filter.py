"""The claims filter widget, driven without a browser."""

from types import SimpleNamespace

from helpers.display.widgets.claims import claim_filter


def test_filter_redraws_on_every_change(three_claims):
    w = claim_filter(three_claims)
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


def test_long_results_say_how_many_are_shown(three_claims):
    w = claim_filter(three_claims, max_rows=2)
    assert w.count.value == "3 of 3 sentences (showing the first 2)"


def test_saved_notebooks_show_a_sentence_not_widget_internals(three_claims):
    from helpers.display.widgets.figures import FigureFilter
    from helpers.display.widgets.tagging import TaggingWidget

    assert repr(claim_filter(three_claims)).startswith("[the claims filter: run this cell")
    for cls in (FigureFilter, TaggingWidget):
        # __repr__ reads nothing from the widget: a stand-in avoids building a half widget
        assert "run this cell in JupyterLab" in cls.__repr__(SimpleNamespace())


def test_the_filter_ignores_accents_and_case(three_claims):
    claims = three_claims.assign(sentence=["Les Nord-Coréens à Koursk.", "L’armée ukrainienne.",
                                           "Une source proche."])
    w = claim_filter(claims)
    for typed in ("coreens", "CORÉENS", "coréens"):
        w.contains.value = typed
        assert w.count.value == "1 of 3 sentences", typed
    w.contains.value = "l'armee"  # a straight apostrophe finds the curly one
    assert w.rows()["sentence_id"].tolist() == [1]


def test_the_filter_shows_the_course_table(three_claims):
    w = claim_filter(three_claims)
    (out,) = w.output.outputs
    page = out["data"]["text/html"]
    assert "<td" in page and "Selon" in page and "[Selon]" not in page
    assert ">000<" in page and "000_a" not in page
