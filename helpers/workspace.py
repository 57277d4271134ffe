"""Kept for code written against the first layout: ``helpers.workspace`` is now
:mod:`helpers.core.workspace` (its functions are also importable from :mod:`helpers.course`)."""

from helpers.core.workspace import (  # noqa: F401
    ENV_VAR,
    WorkspaceWarning,
    export_zip,
    import_zip,
    keys,
    load,
    root,
    save,
    set_root,
    shown,
    summary,
)
