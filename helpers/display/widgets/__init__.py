"""The notebooks' widgets (ipywidgets): hand-tagging, the claims and figures filters, grading,
uploads. Each draws logic that lives, and is tested, in the move it belongs to; the public names
are exported by :mod:`helpers.display`."""
