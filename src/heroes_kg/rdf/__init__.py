"""The corpus as RDF: quads from the curated objects (:mod:`.model`), the
:class:`~heroes_kg.rdf.store.Graph` on Oxigraph and its persistence under
.heroes-kg/ (:mod:`.store`)."""
