"""Node positions for the page: graphbuild's force layout and the networkx ones.

:func:`force_layout` is a ForceAtlas2-style layout with particle-mesh (FFT)
repulsion, O(n + m) per iteration, so 5,000 nodes take under a second
without scipy.  :func:`layout_positions` runs a named layout (or a callable)
on the aggregated edges and scales the result to vis-network canvas pixels.
This module never imports spaCy; numpy is imported when a force layout runs.
"""
from __future__ import annotations

import math
from typing import Any, Callable, Iterable, Mapping

import networkx as nx

from .types import GraphbuildError

__all__ = ["LAYOUTS", "LayoutFunc", "force_layout", "layout_positions"]

#: Layout names accepted by :func:`layout_positions` and the page (a callable
#: is accepted too); ``"physics"`` means vis-network lays the graph out in the
#: browser, so it computes nothing here.
LAYOUTS = ("physics", "force", "spring", "circular")

# A layout callable takes the aggregated undirected graph (edge attribute
# ``weight`` = number of events) and returns a position per node.
LayoutFunc = Callable[[nx.Graph], Mapping[Any, Any]]

# Typical distance between neighbouring nodes, in vis-network canvas pixels,
# of layouts computed in Python.
_NODE_SPACING_PX = 70.0


def layout_positions(
    ids: list[str],
    edges: Iterable[tuple[str, str, int]],
    layout: str | LayoutFunc = "force",
) -> dict[str, tuple[int, int]]:
    """Positions in canvas pixels of the nodes ``ids`` linked by ``edges``.

    Parameters
    ----------
    ids : list of str
        Node ids, in a fixed order (the same order gives the same positions).
    edges : iterable of (str, str, int)
        ``(from, to, number of events)``, one per linked pair.
    layout : {"force", "spring", "circular"} or callable
        ``"force"`` is :func:`force_layout` (edge weight ``log1p(events)``);
        ``"spring"`` and ``"circular"`` are the networkx layouts; a callable
        receives a ``networkx.Graph`` with edge attribute ``weight`` and
        returns ``{node: (x, y)}``.

    Returns
    -------
    dict
        ``{id: (x, y)}`` in whole pixels, centred on 0, nodes about 70 px apart.

    Raises
    ------
    GraphbuildError
        When the layout needs a missing package or leaves a node out.

    Examples
    --------
    >>> pos = layout_positions(["a", "b", "c"], [("a", "b", 1), ("b", "c", 2)])
    >>> sorted(pos) == ["a", "b", "c"] and all(isinstance(v, int) for p in pos.values() for v in p)
    True
    """
    edges = list(edges)
    if not ids:
        return {}
    name = "custom" if callable(layout) else layout
    idx = {nid: i for i, nid in enumerate(ids)}
    if name == "force":
        import numpy as np

        src = np.fromiter((idx[e[0]] for e in edges), dtype=np.int64, count=len(edges))
        dst = np.fromiter((idx[e[1]] for e in edges), dtype=np.int64, count=len(edges))
        w = np.fromiter((e[2] for e in edges), dtype=float, count=len(edges))
        arr = force_layout(len(ids), src, dst, np.log1p(w), seed=0)
        raw = {nid: (float(arr[i, 0]), float(arr[i, 1])) for i, nid in enumerate(ids)}
    else:
        H = nx.Graph()
        H.add_nodes_from(ids)
        H.add_weighted_edges_from(edges)
        try:
            if name == "spring":
                pos = nx.spring_layout(H, seed=0, iterations=50)
            elif name == "circular":
                pos = nx.circular_layout(H)
            elif callable(layout):
                pos = layout(H)
            else:
                raise GraphbuildError(
                    f"unknown layout {layout!r}: use one of {', '.join(LAYOUTS[1:])} or a function"
                )
        except ImportError as exc:
            raise GraphbuildError(
                f"layout {name!r} needs a package that is not installed ({exc.name}); "
                "use layout='force'"
            ) from exc
        try:
            raw = {nid: (float(pos[nid][0]), float(pos[nid][1])) for nid in ids}
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise GraphbuildError(f"layout {name!r} gave no position for some node: {exc}") from exc
    return _to_pixels(raw)


def _to_pixels(raw: Mapping[str, tuple[float, float]]) -> dict[str, tuple[int, int]]:
    """Centre a layout and scale it so that nodes are about ``_NODE_SPACING_PX`` apart.

    Layouts come in arbitrary units (networkx's fit in [-1, 1]); vis-network
    draws in pixels with nodes 18-84 px wide, so the scale decides whether
    nodes and labels overlap when zoomed in.  The spacing is estimated from
    the area of the disc holding 90% of the nodes.  Whole pixels keep the
    JSON small and the bytes stable.
    """
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    dist = sorted(math.hypot(x - cx, y - cy) for x, y in zip(xs, ys))
    r90 = dist[min(len(dist) - 1, int(0.9 * len(dist)))]
    spacing = r90 * math.sqrt(math.pi / max(0.9 * len(dist), 1.0))
    scale = _NODE_SPACING_PX / spacing if spacing > 0 else 1.0
    return {
        nid: (int(round((x - cx) * scale)), int(round((y - cy) * scale)))
        for nid, (x, y) in raw.items()
    }


def force_layout(
    n: int,
    src: Any,
    dst: Any,
    weight: Any = None,
    *,
    iterations: int = 150,
    seed: int = 0,
    grid: int = 128,
) -> Any:
    """Force-directed positions for ``n`` nodes in O(n + m) per iteration.

    ForceAtlas2's forces: nodes repel in proportion to ``(deg_i + 1) *
    (deg_j + 1) / d`` (so leaves stay near their hub), edges pull linearly,
    and "strong" gravity keeps separate stories together; with its adaptive
    speed (steps shrink for nodes that swing).  The all-pairs repulsion is
    computed on a ``grid x grid`` mesh with an FFT convolution (the
    particle-mesh method FIt-SNE uses) instead of the O(n**2) sums of
    ``networkx.spring_layout`` or ``forceatlas2_layout``, which take minutes
    and gigabytes at 5,000 nodes without scipy.  Masses are spread on the
    mesh bilinearly and the field is read back bilinearly; the kernel is odd,
    so a node exerts no force on itself.  Nodes without edges are not
    simulated: they are set on rings around the rest.

    Parameters
    ----------
    n : int
        Number of nodes, numbered ``0 .. n-1``.
    src, dst : array of int
        End points of the edges.
    weight : array of float, optional
        Edge strength (default 1).
    iterations : int
        Simulation steps.
    seed : int
        Seed of the random start: the same input gives the same positions.
    grid : int
        Mesh size; 128 resolves about 16,000 cells, ample for 10,000 nodes.

    Returns
    -------
    numpy.ndarray
        ``(n, 2)`` positions in arbitrary units.

    Examples
    --------
    >>> import numpy as np
    >>> force_layout(3, np.array([0, 1]), np.array([1, 2])).shape
    (3, 2)
    """
    import numpy as np

    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    w = np.ones(len(src)) if weight is None else np.asarray(weight, dtype=float)
    deg = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
    linked = np.flatnonzero(deg > 0)
    pos = np.zeros((n, 2))
    if len(linked):
        # Renumber so that isolated nodes cost nothing in the simulation.
        new = np.full(n, -1, dtype=np.int64)
        new[linked] = np.arange(len(linked))
        pos[linked] = _fa2(new[src], new[dst], w, 1.0 + deg[linked],
                           iterations=iterations, seed=seed, grid=grid)
    _ring_isolated(pos, linked, np.flatnonzero(deg == 0))
    return pos


def _fa2(src: Any, dst: Any, w: Any, mass: Any, *, iterations: int, seed: int, grid: int) -> Any:
    """ForceAtlas2 with particle-mesh repulsion on connected nodes (see :func:`force_layout`)."""
    import numpy as np

    n = len(mass)
    rng = np.random.default_rng(seed)
    pos = (rng.random((n, 2)) - 0.5) * (0.5 * math.sqrt(n))
    if n < 2:
        return pos
    # The mesh is padded to 2*grid so that the circular FFT convolution equals
    # the linear one; the kernel r/|r|^2 is transformed once, in grid units.
    m = 2 * grid
    off = np.arange(m, dtype=float)
    off = np.where(off < grid, off, off - m)
    kx, ky = np.meshgrid(off, off, indexing="ij")
    r2 = kx * kx + ky * ky
    r2[0, 0] = 1.0
    fkx = np.fft.rfft2(kx / r2)
    fky = np.fft.rfft2(ky / r2)
    gravity = 1.0 / math.sqrt(n)
    speed = 0.1
    prev = np.zeros((n, 2))
    for it in range(iterations):
        lo = pos.min(axis=0)
        h = (float((pos.max(axis=0) - lo).max()) or 1.0) / (grid - 1.001)
        g = (pos - lo) / h
        i0 = np.clip(np.floor(g).astype(np.int64), 0, grid - 2)
        t = g - i0
        tx, ty = t[:, 0], t[:, 1]
        cell = i0[:, 0] * m + i0[:, 1]
        corners = (
            ((1 - tx) * (1 - ty), cell),
            (tx * (1 - ty), cell + m),
            ((1 - tx) * ty, cell + 1),
            (tx * ty, cell + m + 1),
        )
        rho = np.zeros(m * m)
        for wt, c in corners:
            rho += np.bincount(c, weights=wt * mass, minlength=m * m)
        frho = np.fft.rfft2(rho.reshape(m, m))
        fx = np.fft.irfft2(frho * fkx, s=(m, m)).ravel()
        fy = np.fft.irfft2(frho * fky, s=(m, m)).ravel()
        force = np.zeros((n, 2))
        for wt, c in corners:
            force[:, 0] += wt * fx[c]
            force[:, 1] += wt * fy[c]
        force *= (mass / h)[:, None]

        pull = (pos[dst] - pos[src]) * w[:, None]
        for k in (0, 1):
            force[:, k] += np.bincount(src, weights=pull[:, k], minlength=n)
            force[:, k] -= np.bincount(dst, weights=pull[:, k], minlength=n)
        force += gravity * mass[:, None] * (pos.mean(axis=0) - pos)

        # ForceAtlas2's adaptive speed: global speed follows traction/swing
        # (rising at most 50% a step); nodes that oscillate move less.
        swing = mass * np.sqrt(((force - prev) ** 2).sum(axis=1))
        traction = mass * np.sqrt(((force + prev) ** 2).sum(axis=1)) / 2
        prev = force
        if it:
            speed = min(1.5 * speed, 0.1 * float(traction.sum()) / max(float(swing.sum()), 1e-12))
        step = force * (speed / (1.0 + np.sqrt(speed * swing)))[:, None]
        length = np.sqrt((step * step).sum(axis=1)) + 1e-12
        pos += step * (np.minimum(length, 10.0) / length)[:, None]
    return pos


def _ring_isolated(pos: Any, linked: Any, isolated: Any) -> None:
    """Set isolated nodes on rings around the connected ones, one node spacing apart."""
    import numpy as np

    if not len(isolated):
        return
    if len(linked):
        core = pos[linked]
        centre = core.mean(axis=0)
        radius = float(np.percentile(np.sqrt(((core - centre) ** 2).sum(axis=1)), 95))
        spacing = radius * math.sqrt(math.pi / len(linked)) or 1.0
    else:
        centre, radius, spacing = np.zeros(2), 0.0, 1.0
    r = radius + 2 * spacing
    placed = 0
    while placed < len(isolated):
        k = min(len(isolated) - placed, max(int(2 * math.pi * r / spacing), 1))
        angles = 2 * math.pi * np.arange(k) / k
        ids = isolated[placed:placed + k]
        pos[ids, 0] = centre[0] + r * np.cos(angles)
        pos[ids, 1] = centre[1] + r * np.sin(angles)
        placed += k
        r += spacing
