"""Move 1, read the sources: load a folder of articles, decode and clean them, and show where
they come from (provenance); the learner's own folder and uploads."""

from helpers.core.text import short_id
from helpers.sources.corpus import CorpusWarning, find_article, load_corpus, same_text
from helpers.sources.provenance import (
    find_sentences,
    removed_summary,
    removed_table,
    sources_table,
    spelling_variants,
)
from helpers.sources.sources_form import sources_rows, write_sources
from helpers.sources.uploads import (
    choose_folder,
    my_articles_folder,
    save_uploads,
    use_own_workspace,
)

__all__ = [
    "CorpusWarning", "choose_folder", "find_article", "find_sentences", "load_corpus",
    "my_articles_folder", "removed_summary", "removed_table", "same_text", "save_uploads",
    "short_id", "sources_rows", "sources_table", "spelling_variants", "use_own_workspace",
    "write_sources",
]  # fmt: skip
