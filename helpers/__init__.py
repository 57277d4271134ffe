"""Helpers for the Kursk reports notebooks, laid out by the course's four moves.

=================== ===========================================================================
``core``            shared by every move: text utilities, the spaCy pipeline and its components,
                    actors, the story folder, the parse cache, the learner's saved work
``sources``         move 1, read the sources: loading, decoding, cleaning, provenance, uploads
``claims``          move 2, tag the claims: who says it (attribution), hedging, hand-tagging
``figures``         move 3, compare the figures: numbers, dates, qualifiers, extraction, and which
                    figures answer the story's question
``reliability``     move 4, assess reliability: signals, corroboration, reuse, grading, conclusion
``pipeline``        ``run(corpus)``: every table above from one parse of each article
``display``         what notebooks show: article views, tables, charts, widgets
``report``          the hand-in: one self-contained HTML file and CSV exports
``course``          exercises and their checks, the course map, the saved-work API
=================== ===========================================================================

A lower layer never imports a higher one (``tests/test_layout.py``): core < sources < claims <
figures < reliability < pipeline < display < report < course. ``docs/architecture.md`` has the
data flow and where to change what.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: The shared lexicons (each package keeps its own beside it, in ``<package>/data``).
DATA_DIR = PACKAGE_DIR / "core" / "data"
#: The repository root when helpers/ is used from a checkout (the notebooks' case).
REPO_DIR = PACKAGE_DIR.parent
#: The course's story: its five articles and the story's data beside them.
SEEDS_DIR = REPO_DIR / "seeds"
