"""The hand-tagging widget, driven without a browser: set values, click buttons, read the file."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from helpers.claims.hand_tags import NOBODY, SOMEONE_ELSE, TAGS_KEY, TaggingSession
from helpers.core import workspace
from helpers.display.widgets.tagging import CHOOSE, TaggingWidget, tagging_widget

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def row(article, sid, sentence, speaker="", kind="", hedged=False):
    return {"article_id": article, "sentence_id": sid, "sentence": sentence, "speaker": speaker,
            "speaker_kind": kind, "cue": "", "quoted": False, "hedged": hedged,
            "hedges": [], "claim_id": sid}


@pytest.fixture
def claims():
    return pd.DataFrame([
        row("000_aaaa", 0, "Le GUR affirme que 30 soldats auraient été tués ce week-end.", "GUR",
            "institution", True),
        row("000_aaaa", 1, f"Un texte piégé {EVIL} dans une phrase assez longue.", "", "", False),
        row("000_aaaa", 2, "La zone est contrôlée par l'armée ukrainienne depuis le mois d'août.",
            "", "", False),
        row("001_bbbb", 0, "Zelensky a déclaré que 11 000 soldats étaient déjà dans la région.",
            "Volodymyr Zelensky", "person", False),
        row("001_bbbb", 1, "Un responsable a indiqué que les combats auraient commencé lundi.",
            "responsable ukrainien", "anonymous", True),
    ])


def tags_file(work_dir):
    return work_dir / f"{TAGS_KEY}.json"


def saved(work_dir):
    return json.loads(tags_file(work_dir).read_text(encoding="utf-8"))


def answer(w, checkable, speaker, hedged):
    w.checkable.value = checkable
    w.speaker.value = speaker
    w.hedged.value = hedged


# ------------------------------------------------------------------------------ layout


def test_every_control_has_a_label_and_a_css_class(claims):
    w = tagging_widget(claims, n=5)
    assert isinstance(w, TaggingWidget) and isinstance(w.session, TaggingSession)
    expected = {
        w: "kr-tag", w.help: "kr-tag-help", w.sentence_html: "kr-tag-sentence",
        w.checkable: "kr-tag-checkable", w.speaker: "kr-tag-speaker", w.hedged: "kr-tag-hedged",
        w.previous_button: "kr-tag-prev", w.next_button: "kr-tag-next",
        w.progress: "kr-tag-progress", w.status: "kr-tag-status",
    }
    for widget, css in expected.items():
        assert css in widget._dom_classes, css
    assert w.checkable.description == "1. Checkable claim?"
    assert w.speaker.description == "2. Who says it?"
    assert w.hedged.description == "3. Hedged?"
    assert w.checkable._options_labels == ("Yes", "No") == w.hedged._options_labels
    assert w.previous_button.description == "← Previous"
    assert w.next_button.description == "Save and next →"
    labels = [label for label, _ in w.speaker._options_full]
    assert labels[0] == CHOOSE and labels[1] == NOBODY and labels[-1] == SOMEONE_ELSE
    assert "GUR" in labels and "responsable ukrainien" in labels
    assert w.progress.value == "0 of 5 tagged"
    assert "Every click is saved at once" in w.help.value
    # the sentence is in a quote block, with its article and its neighbour for context
    card = w.sentence_html.value
    assert '<blockquote class="kr-tag-quote" lang="fr">Le GUR affirme' in card
    assert "article <code>000</code>" in card and "Sentence 1 of 5" in card  # like every table
    assert "<b>After:</b> Un texte piégé" in card
    assert w.previous_button.disabled and not w.next_button.disabled
    # nothing answered yet, nothing written yet, and the status says where it will go
    assert tuple(w.answers().values()) == (None, None, None)
    assert w.speaker.label == CHOOSE  # shown as "— choose —", not as a blank box
    assert "Saved" not in w.status.value and "tags_02.json" in w.status.value


# ------------------------------------------------------------------------------ saving


def test_each_change_and_each_click_writes_the_file(claims, work_dir):
    w = tagging_widget(claims, n=5)
    path = tags_file(work_dir)
    assert not path.exists()

    w.checkable.value = True
    first = path.read_text(encoding="utf-8")
    assert saved(work_dir)["000_aaaa:0"]["checkable"] is True
    assert "✓ Saved" in w.status.value and "kr-tag-saved" in w.status._dom_classes

    w.speaker.value = "GUR"
    second = path.read_text(encoding="utf-8")
    assert second != first and saved(work_dir)["000_aaaa:0"]["speaker"] == "GUR"

    w.hedged.value = False
    assert path.read_text(encoding="utf-8") != second
    assert saved(work_dir)["000_aaaa:0"] == {
        "sentence": "Le GUR affirme que 30 soldats auraient été tués ce week-end.",
        "checkable": True, "speaker": "GUR", "hedged": False}
    assert w.progress.value == "1 of 5 tagged"
    assert "✓ tagged" in w.sentence_html.value

    before = path.stat().st_ino, w.session.saves
    w.next_button.click()  # "Save and next": written again (a new file replaces the old)
    assert (path.stat().st_ino, w.session.saves) != before
    assert w.session.position == 1
    assert "(save 4 of this session)" in w.status.value
    assert tuple(w.answers().values()) == (None, None, None)
    assert w.speaker.label == CHOOSE
    assert not w.previous_button.disabled

    w.speaker.value = NOBODY  # the second sentence, one answer
    assert saved(work_dir)["000_aaaa:1"]["speaker"] == NOBODY
    assert w.progress.value == "1 of 5 tagged"  # not complete yet

    w.next_button.click()
    assert "Sentence 2 still has 2 questions unanswered" in w.status.value

    w.previous_button.click()
    w.previous_button.click()
    assert w.session.position == 0
    assert tuple(w.answers().values()) == (True, "GUR", False)
    # showing saved answers is not a change: the file holds exactly what was answered
    assert saved(work_dir)["000_aaaa:0"]["hedged"] is False
    assert set(saved(work_dir)) == {"000_aaaa:0", "000_aaaa:1"}


def test_changing_an_answer_overwrites_it(claims, work_dir):
    w = tagging_widget(claims, n=5)
    w.hedged.value = True
    w.hedged.value = False
    assert saved(work_dir)["000_aaaa:0"]["hedged"] is False
    assert json.loads((work_dir / f"{TAGS_KEY}.bak.json").read_text("utf-8"))[
        "000_aaaa:0"]["hedged"] is True  # the previous version is kept as the backup
    w.speaker.value = "GUR"
    w.speaker.value = ""  # back to "— choose —": the answer is withdrawn
    assert saved(work_dir)["000_aaaa:0"]["speaker"] is None
    assert w.speaker.label == CHOOSE


def test_a_fresh_widget_resumes_with_the_same_tags(claims, work_dir):
    w = tagging_widget(claims, n=5)
    answer(w, True, "GUR", True)
    w.next_button.click()
    answer(w, False, NOBODY, False)
    w.next_button.click()
    w.checkable.value = True  # the third sentence: partly answered when the kernel "dies"
    del w

    again = tagging_widget(claims, n=5)
    assert again.session.position == 2
    assert tuple(again.answers().values()) == (True, None, None)
    assert again.progress.value == "2 of 5 tagged"
    assert "Welcome back: 2 of 5 already tagged" in again.status.value
    assert "Carrying on at sentence 3" in again.status.value
    again.previous_button.click()
    assert tuple(again.answers().values()) == (
        False, NOBODY, False)
    again.previous_button.click()
    assert tuple(again.answers().values()) == (True, "GUR", True)


def test_the_last_sentence_says_what_to_do_next(claims):
    w = tagging_widget(claims, n=5)
    w.session.go(4)
    w.show()
    answer(w, True, "responsable ukrainien", True)
    w.next_button.click()
    assert w.session.position == 4
    assert "That was the last sentence: 1 of 5 tagged" in w.status.value
    assert "compare" in w.status.value


def test_a_failed_save_is_shown_not_raised(claims, monkeypatch):
    w = tagging_widget(claims, n=5)

    def refuse(key, data):
        raise OSError("Read-only file system")

    monkeypatch.setattr(workspace, "save", refuse)
    w.checkable.value = True
    assert "✗ Not saved" in w.status.value and "Read-only file system" in w.status.value
    assert "kr-tag-error" in w.status._dom_classes and "kr-tag-saved" not in w.status._dom_classes
    w.next_button.click()
    assert w.session.position == 0  # did not move on without saving
    monkeypatch.undo()
    w.next_button.click()
    assert "kr-tag-saved" in w.status._dom_classes and w.session.position == 1


# ------------------------------------------------------------------------------ escaping


def test_html_in_a_sentence_is_escaped(claims):
    w = tagging_widget(claims, n=5)
    # as the context of the first sentence
    assert "<script>" not in w.sentence_html.value and "<img" not in w.sentence_html.value
    assert "&lt;script&gt;" in w.sentence_html.value
    w.next_button.click()  # the sentence itself
    card = w.sentence_html.value
    assert "<script>" not in card and "<img" not in card
    assert "Un texte piégé &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img" in card


def test_an_article_id_with_markup_is_escaped(claims):
    evil = claims.assign(article_id="<b>000</b>")
    w = tagging_widget(evil, n=5)
    assert "<b>000</b>" not in w.sentence_html.value
    assert "&lt;b&gt;000&lt;/b&gt;" in w.sentence_html.value


# ------------------------------------------------------------------------------ comparing


def test_tags_made_in_the_widget_are_compared(claims):
    w = tagging_widget(claims, n=5)
    # the sample is the whole (five-sentence) table, in article order
    assert w.session.keys == ["000_aaaa:0", "000_aaaa:1", "000_aaaa:2", "001_bbbb:0",
                              "001_bbbb:1"]
    answers = [
        (True, "GUR", True),  # agrees on both
        (False, NOBODY, False),  # agrees on both
        (True, NOBODY, True),  # hedged: yes vs no
        (True, SOMEONE_ELSE, False),  # speaker: someone else vs Zelensky
        (True, "responsable ukrainien", True),  # agrees on both
    ]
    for values in answers:
        answer(w, *values)
        w.next_button.click()
    assert w.progress.value == "5 of 5 tagged"
    result = w.session.compare()
    assert (result.speaker.compared, result.speaker.agreed) == (5, 4)
    # speaker labels: yours GUR, nobody, nobody, else, resp; tagger GUR, nobody, nobody, Z, resp
    # p_o = 4/5; p_e = (1·1 + 2·2 + 1·1)/25 = 6/25 → (20 − 6)/(25 − 6) = 14/19
    assert result.speaker.kappa == pytest.approx(14 / 19)
    # hedged: yours T,F,T,F,T; tagger T,F,F,F,T → p_o = 4/5, p_e = (3·2 + 2·3)/25 = 12/25
    assert result.hedged.kappa == pytest.approx((20 - 12) / (25 - 12))
    assert result.disagreements[["article", "question", "yours", "automatic"]].to_dict(
        "records") == [
        {"article": "000_aaaa", "question": "hedged?", "yours": "yes", "automatic": "no"},
        {"article": "001_bbbb", "question": "who says it?", "yours": SOMEONE_ELSE,
         "automatic": "Volodymyr Zelensky"},
    ]
    assert result.checkable == 4 and result.answered_checkable == 5


def test_an_empty_claims_table_gives_a_quiet_widget(claims):
    w = tagging_widget(claims.iloc[0:0], n=12)
    assert "no sentences to tag" in w.sentence_html.value
    assert w.checkable.disabled and w.speaker.disabled and w.next_button.disabled
    assert w.progress.value == "0 of 0 tagged"
    w.next_button.click()  # nothing happens, nothing breaks
    assert math.isnan(w.session.compare().speaker.agreement)
