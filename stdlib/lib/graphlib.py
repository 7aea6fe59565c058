"""graphlib: topological sorting of a graph of hashable nodes (TopologicalSorter, CycleError).

The orders (static_order, get_ready batches) and the cycle a CycleError reports are CPython's: nodes are
kept in the order add() first saw them and successors in the order their edges were added.
"""

from types import GenericAlias

__all__ = ["TopologicalSorter", "CycleError"]

# The states of a node once prepare() was called, besides a count of unfinished predecessors (>= 0).
_PASSED_OUT = -1     # returned by get_ready(), done() not yet called
_DONE = -2           # done() was called


class _Node:
    __slots__ = ("node", "waiting", "successors")

    def __init__(self, node):
        self.node = node
        self.waiting = 0          # predecessors not yet done, or _PASSED_OUT / _DONE
        self.successors = []


class CycleError(ValueError):
    """The graph has a cycle: args[1] lists its nodes, the first node repeated at the end."""
    pass


class TopologicalSorter:
    """Orders the nodes of a graph so that each node comes after all of its predecessors."""

    def __init__(self, graph=None):
        self._nodes = {}
        self._ready = None        # None until prepare()
        self._passed_out = 0
        self._finished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _info(self, node):
        info = self._nodes.get(node)
        if info is None:
            info = self._nodes[node] = _Node(node)
        return info

    def add(self, node, *predecessors):
        """Add node with the given predecessors (which are added too when new)."""
        if self._ready is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._info(node)
        info.waiting += len(predecessors)
        for pred in predecessors:
            self._info(pred).successors.append(node)

    def prepare(self):
        """Mark the graph finished and check it for cycles."""
        if self._ready is not None:
            raise ValueError("cannot prepare() more than once")
        self._ready = [info.node for info in self._nodes.values() if info.waiting == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError("nodes are in a cycle", cycle)

    def _check_prepared(self):
        if self._ready is None:
            raise ValueError("prepare() must be called first")

    def get_ready(self):
        """The nodes whose predecessors are all done, not returned before (a tuple)."""
        self._check_prepared()
        result = tuple(self._ready)
        for node in result:
            self._nodes[node].waiting = _PASSED_OUT
        self._ready.clear()
        self._passed_out += len(result)
        return result

    def is_active(self):
        """True while there are nodes to get or nodes passed out and not done."""
        self._check_prepared()
        return self._finished < self._passed_out or bool(self._ready)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Mark nodes (returned by get_ready()) as processed, readying their successors."""
        self._check_prepared()
        for node in nodes:
            info = self._nodes.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            if info.waiting != _PASSED_OUT:
                if info.waiting >= 0:
                    raise ValueError(f"node {node!r} was not passed out (still not ready)")
                raise ValueError(f"node {node!r} was already marked done")
            info.waiting = _DONE
            for succ in info.successors:
                succ_info = self._nodes[succ]
                succ_info.waiting -= 1
                if succ_info.waiting == 0:
                    self._ready.append(succ)
            self._finished += 1

    def _find_cycle(self):
        # Depth-first search along successor edges from each node in insertion order; the first
        # edge back to a node on the current path closes the cycle reported.
        visited = set()
        for start in self._nodes:
            if start in visited:
                continue
            path = [start]
            on_path = {start: 0}
            visited.add(start)
            iters = [iter(self._nodes[start].successors)]
            while iters:
                succ = next(iters[-1], _END)
                if succ is _END:
                    iters.pop()
                    del on_path[path.pop()]
                    continue
                if succ in on_path:
                    return path[on_path[succ]:] + [succ]
                if succ in visited:
                    continue
                visited.add(succ)
                on_path[succ] = len(path)
                path.append(succ)
                iters.append(iter(self._nodes[succ].successors))
        return None

    def static_order(self):
        """All the nodes in a topological order (a generator); CycleError if there is a cycle."""
        self.prepare()
        while self.is_active():
            group = self.get_ready()
            yield from group
            self.done(*group)

    __class_getitem__ = classmethod(GenericAlias)


_END = object()
