"""Communities for the overview of a large page: Louvain finds the groups a person sees,
the same ones every time."""

from __future__ import annotations

import itertools
import random

from heroes_kg.outputs._community import communities


def clique(nodes: range) -> list[tuple[int, int, float]]:
    return [(a, b, 1.0) for a, b in itertools.combinations(nodes, 2)]


def test_cliques_joined_by_one_link_are_two_communities() -> None:
    edges = clique(range(0, 6)) + clique(range(6, 12)) + [(5, 6, 1.0)]
    found = communities(13, edges)  # node 12 has no link
    assert found == [0] * 6 + [1] * 6 + [2]


def test_a_ring_of_cliques_is_one_community_per_clique() -> None:
    edges: list[tuple[int, int, float]] = []
    for k in range(8):
        edges += clique(range(5 * k, 5 * k + 5))
        edges.append((5 * k + 4, (5 * k + 5) % 40, 1.0))
    found = communities(40, edges)
    assert [len(set(found[5 * k:5 * k + 5])) for k in range(8)] == [1] * 8
    assert len(set(found)) == 8


def test_weak_links_do_not_merge_communities() -> None:
    edges = clique(range(0, 5)) + clique(range(5, 10))
    edges += [(a, b, 0.05) for a in range(5) for b in range(5, 10)]
    assert len(set(communities(10, edges))) == 2


def test_the_same_graph_gives_the_same_communities() -> None:
    rng = random.Random(3)
    edges = [(rng.randrange(500), rng.randrange(500), 1.0) for _ in range(1500)]
    first = communities(500, edges)
    assert first == communities(500, list(edges))
    assert 1 < len(set(first)) < 250
    assert first[0] == 0 and max(first) == len(set(first)) - 1


def test_no_links_every_node_alone() -> None:
    assert communities(4, []) == [0, 1, 2, 3]
    assert communities(0, []) == []
