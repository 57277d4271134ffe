"""What every move shares: text utilities, the spaCy pipeline and its components, the actors, the
story folder, the parse cache and the learner's saved work. Nothing here imports the packages
above it; import the modules themselves (``from helpers.core.nlp import get_nlp``)."""
