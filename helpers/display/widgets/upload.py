"""Notebook 05's upload button: the files a learner chooses are saved into their articles
folder at once (:func:`helpers.sources.uploads.save_uploads` does the saving, tested there)."""

from __future__ import annotations

import html

import ipywidgets as widgets

from helpers.sources.uploads import ALLOWED, save_uploads


class UploadBox(widgets.VBox):
    def __repr__(self) -> str:
        return "[the upload button: run this cell in JupyterLab to use it]"


def upload_status(files) -> str:
    """The status line (HTML) after an upload: one escaped sentence per file; any failure said
    in words, never a blank status or a traceback in the log."""
    try:
        result = save_uploads(files)
    except Exception as err:  # the widget's callback must always leave a readable status
        return html.escape(f"✗ The upload failed: {err}. Nothing was lost; try again, or copy "
                           "the files into my_articles/ with the file browser.")
    lines = [html.escape(line) for line in result.lines()]
    if result:
        lines.append("Now run the next cells.")
    return "<br>".join(lines) or "Nothing was uploaded."


def upload_widget():
    """A FileUpload button that saves what is chosen into ``my_articles/`` at once."""
    upload = widgets.FileUpload(accept=",".join(sorted(ALLOWED)), multiple=True,
                                description="Upload articles")
    status = widgets.HTML()

    def on_upload(change):
        status.value = upload_status(change["new"])

    upload.observe(on_upload, names="value")
    box = UploadBox([upload, status])
    box.add_class("kr-upload")
    return box
