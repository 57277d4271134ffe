"""Move 2, tag the claims: who says each sentence (attribution), how sure it sounds (hedging), and
the learner's own tags compared with the tagger's."""

from helpers.claims.agreement import cohen_kappa, compare
from helpers.claims.filters import claims_summary, filter_claims
from helpers.claims.hand_tags import TaggingSession, load_tags, pick_sentences
from helpers.claims.hedging import hedge_words
from helpers.claims.tagging import tag_claims

__all__ = [
    "TaggingSession", "claims_summary", "cohen_kappa", "compare", "filter_claims", "hedge_words",
    "load_tags", "pick_sentences", "tag_claims",
]  # fmt: skip
