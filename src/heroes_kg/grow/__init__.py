"""Growing the corpus: new articles in, candidate facts drafted, reviewed candidates
accepted into seeds/facts/."""

from .curate import accept, add_article, write_suggestions

__all__ = ["accept", "add_article", "write_suggestions"]
