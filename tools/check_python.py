"""Stop early, in one sentence, when the Python that `make` was given cannot run the course.

The course supports CPython 3.11 to 3.13 (pyproject.toml's requires-python); Binder uses 3.11.
"""

import sys

SUPPORTED = ((3, 11), (3, 13))

version = sys.version_info[:2]
if not SUPPORTED[0] <= version <= SUPPORTED[1]:
    low, high = (".".join(map(str, v)) for v in SUPPORTED)
    sys.exit(
        f"This is Python {version[0]}.{version[1]}; the course needs Python {low} to {high}. "
        f"Point make at one, for example: PYTHON=python{high} make lab"
    )
