"""Notebook 05's upload button: the files a learner chooses are saved into their articles
folder at once (:func:`helpers.sources.uploads.save_uploads` does the saving, tested there)."""

from __future__ import annotations

import ipywidgets as widgets

from helpers.core.workspace import shown
from helpers.sources.uploads import ALLOWED, save_uploads


class UploadBox(widgets.VBox):
    def __repr__(self) -> str:
        return "[the upload button: run this cell in JupyterLab to use it]"


def upload_widget():
    """A FileUpload button that saves what is chosen into ``my_articles/`` at once."""
    upload = widgets.FileUpload(accept=",".join(sorted(ALLOWED)), multiple=True,
                                description="Upload articles")
    status = widgets.HTML()

    def on_upload(change):
        try:
            saved = save_uploads(change["new"])
        except ValueError as err:
            status.value = f"✗ {err}"
            return
        status.value = "✓ saved: " + ", ".join(shown(p) for p in saved) + \
            ". Now run the next cells."

    upload.observe(on_upload, names="value")
    box = UploadBox([upload, status])
    box.add_class("kr-upload")
    return box
