"""What the graph is turned into: RDF formats, JSON-LD and property graphs
(:mod:`.formats`), and the interactive page (:mod:`.page`)."""
