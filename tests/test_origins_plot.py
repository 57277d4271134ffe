"""The articles → speakers → figures picture."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from helpers.display.origins import origin_links, plot_origins  # noqa: E402


def links():
    return pd.DataFrame(
        {
            "value": [30.0, 30.0, 11000.0, 11000.0],
            "unit_kind": ["troops"] * 4,
            "qualifier": ["lower", "lower", "exact", "exact"],
            "article_id": ["003_a", "004_b", "000_c", "001_d"],
            "origin": ["Ukraine"] * 4,
            "speaker": ["GUR", "GUR", "Volodymyr Zelensky", ""],
            "side": ["Ukraine", "Ukraine", "Ukraine", ""],
        }
    )


def test_links_are_one_row_per_article_speaker_figure():
    table = origin_links(links())
    assert table["figure"].tolist() == ["at least 30", "at least 30", "11\u202f000", "11\u202f000"]
    assert table["speaker"].tolist()[-1] == "unattributed"
    assert origin_links(links(), values=[30])["article"].tolist() == ["003", "004"]


def test_picture_has_every_article_speaker_and_figure_and_a_title():
    ax = plot_origins(links())
    texts = [t.get_text() for t in ax.texts]
    for expected in ["000", "003", "004", "GUR\n(Ukraine)", "at least 30", "11\u202f000",
                     "no source named\n(the outlet itself)"]:
        assert expected in texts
    assert ax.get_title(loc="left") == "Which origins stand behind each figure?"
    assert len(ax.lines) == 2 * len(origin_links(links()))
