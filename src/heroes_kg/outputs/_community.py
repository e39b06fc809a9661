"""Communities of a graph, for the overview of a large page: Louvain modularity, made
deterministic (nodes visited in index order, ties broken by the lowest community), in
plain Python: about a second for 20,000 nodes and 50,000 links.

Blondel, Guillaume, Lambiotte, Lefebvre (2008), "Fast unfolding of communities in large
networks". Each level moves every node to the neighbouring community that gains the most
modularity until no move gains, then merges each community into one node and repeats.
"""

from __future__ import annotations

from collections import defaultdict

__all__ = ["communities"]


def _one_level(n: int, links: list[dict[int, float]], self_loops: list[float],
               total: float) -> list[int]:
    """The community of each of the ``n`` nodes after local moves (ids 0..k-1)."""
    degree = [sum(links[i].values()) + 2 * self_loops[i] for i in range(n)]
    community = list(range(n))
    weight_of = degree[:]  # total degree of each community
    m2 = 2 * total
    # Later rounds move ever fewer nodes for ever less gain: stop when under 1% move.
    moved, rounds = n, 0
    while moved > n // 100 and rounds < 10:
        moved, rounds = 0, rounds + 1
        for i in range(n):
            own = community[i]
            towards: dict[int, float] = {}
            for j, w in links[i].items():
                c = community[j]
                towards[c] = towards.get(c, 0.0) + w
            weight_of[own] -= degree[i]
            ki = degree[i]
            best, best_gain = own, towards.get(own, 0.0) - weight_of[own] * ki / m2
            scale = ki / m2
            for c, w in towards.items():  # in the links' (deterministic) order
                gain = w - weight_of[c] * scale
                if gain > best_gain + 1e-12:
                    best, best_gain = c, gain
            weight_of[best] += ki
            if best != own:
                community[i] = best
                moved += 1
    renumber: dict[int, int] = {}
    return [renumber.setdefault(c, len(renumber)) for c in community]


def communities(n: int, edges: list[tuple[int, int, float]], *, max_levels: int = 4
                ) -> list[int]:
    """The community (0, 1, …, numbered by first member) of each of the ``n`` nodes of
    the undirected, weighted graph ``edges``; nodes without links are alone."""
    links: list[dict[int, float]] = [defaultdict(float) for _ in range(n)]
    self_loops = [0.0] * n
    total = 0.0
    for a, b, w in edges:
        total += w
        if a == b:
            self_loops[a] += w
        else:
            links[a][b] += w
            links[b][a] += w
    member = list(range(n))
    if total == 0:
        return member
    size = n
    for _ in range(max_levels):
        level = _one_level(size, links, self_loops, total)
        k = max(level) + 1
        if k == size:
            break
        member = [level[c] for c in member]
        merged: list[dict[int, float]] = [defaultdict(float) for _ in range(k)]
        loops = [0.0] * k
        for i in range(size):
            ci = level[i]
            loops[ci] += self_loops[i]
            for j, w in links[i].items():
                cj = level[j]
                if ci == cj:
                    loops[ci] += w / 2  # each inner link is seen from both ends
                else:
                    merged[ci][cj] += w
        links, self_loops, size = merged, loops, k
    renumber: dict[int, int] = {}
    return [renumber.setdefault(c, len(renumber)) for c in member]
