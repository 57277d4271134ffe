"""The course map (notebooks, goals, times), kept as data in ``helpers/course/data/course.csv``.

Notebook 00, the README table and the navigation lines all come from it (``tools/navigation.py``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).resolve().parent / "data"



def course_map() -> pd.DataFrame:
    """One row per notebook: ``number, file, title, goal, minutes, status``."""
    return pd.read_csv(DATA_DIR / "course.csv", dtype={"number": str, "minutes": int})


def course_table() -> pd.DataFrame:
    """The course map as a learner reads it: notebook, what you learn, time."""
    table = course_map()
    name = table["number"] + " " + table["title"]
    name = name.where(table["status"] == "ready", name + " (in preparation)")
    return pd.DataFrame(
        {
            "what you learn": table["goal"].str.replace("*", "", regex=False).to_numpy(),
            "time": (table["minutes"].astype(str) + " min").to_numpy(),
        },
        index=pd.Index(name.to_numpy(), name="notebook"),
    )
