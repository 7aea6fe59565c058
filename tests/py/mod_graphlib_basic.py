"""graphlib: static_order, get_ready/done batches, CycleError cycles, misuse errors."""
import graphlib
from graphlib import TopologicalSorter, CycleError
g = {'D': {'B', 'C'}, 'C': {'A'}, 'B': {'A'}}
g = {'D': ['B', 'C'], 'C': ['A'], 'B': ['A']}
print(list(TopologicalSorter(g).static_order()))
ts = TopologicalSorter()
ts.add(3, 2, 1); ts.add(1, 0); ts.add(7, 3); ts.add(9)
ts.prepare()
while ts.is_active():
    r = ts.get_ready(); print('ready', r, bool(ts)); ts.done(*r)
print(bool(ts))
for graph in [{1: [2], 2: [3], 3: [1]}, {0: [1], 1: [2], 2: [3], 3: [1]}, {'a': ['a']}, {1: [2, 3], 3: [4], 4: [1], 2: []}, {5: [6], 6: [7], 7: [6, 5]}]:
    try: print(list(TopologicalSorter(graph).static_order()))
    except CycleError as e: print('CycleError', e.args, str(e), isinstance(e, ValueError))
ts = TopologicalSorter({1: [2]})
for f in [ts.get_ready, ts.is_active, lambda: ts.done(1), lambda: bool(ts)]:
    try: f()
    except ValueError as e: print('ValueError', e)
ts.prepare()
for f in [ts.prepare, lambda: ts.add(5), lambda: ts.done(1), lambda: ts.done(9)]:
    try: f()
    except ValueError as e: print('ValueError', e)
print(ts.get_ready()); ts.done(2)
try: ts.done(2)
except ValueError as e: print('ValueError', e)
print(ts.get_ready(), ts.get_ready(), ts.is_active()); ts.done(1); print(ts.is_active())
print(TopologicalSorter[int])
ts = TopologicalSorter(); ts.add('x'); ts.add('x', 'y'); ts.add('x', 'y'); print(list(ts.static_order()))
print(list(TopologicalSorter({}).static_order()))
