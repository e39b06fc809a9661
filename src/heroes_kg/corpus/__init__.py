"""The curated input: YAML read with line numbers, typed into articles, entities and
statements, every quote found in its article (:func:`heroes_kg.corpus.curation.load_corpus`)."""
