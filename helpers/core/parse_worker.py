"""Parse texts in a process of its own and hand the Docs back (``helpers.core.nlp`` runs it).

    python -m helpers.core.parse_worker < request.json > reply

The request is JSON: ``{"texts": [...], "batch_size": 16}`` (texts already normalised); the reply
is the Docs as ``DocBin`` bytes. The process exits when done: the ~200 MB of the
loaded model go with it.
"""

from __future__ import annotations

import json
import sys

from helpers.core.nlp import get_nlp, pipe_texts


def main() -> None:
    from spacy.tokens import DocBin

    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    nlp = get_nlp()
    docs = DocBin(store_user_data=False)
    for doc in pipe_texts(nlp, request["texts"], batch_size=int(request.get("batch_size", 16))):
        docs.add(doc)  # no tensor: the pipeline's doc_cleaner drops it
    sys.stdout.buffer.write(docs.to_bytes())
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
