"""Allocation-heavy trees: the binary-trees benchmark with tuples (Computer Language Benchmarks Game)."""
import sys


def make_tree(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tree(depth), make_tree(depth))


def check_tree(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


class Node(object):
    __slots__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right


def make_obj_tree(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make_obj_tree(depth - 1), make_obj_tree(depth - 1))


def check_obj_tree(node):
    if node.left is None:
        return 1
    return 1 + check_obj_tree(node.left) + check_obj_tree(node.right)


def main():
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    # Depth 15 trees at full size; the smoke size uses depth 10 (32x less work per round).
    max_depth = 15 if scale >= 0.5 else 10
    min_depth = 4
    results = []
    stretch = check_tree(make_tree(max_depth + 1))
    long_lived = make_tree(max_depth)
    rounds = max(1, int(5 * scale))
    for _ in range(rounds):
        for depth in range(min_depth, max_depth + 1, 2):
            iterations = 2 ** (max_depth - depth + min_depth) // 4
            check = 0
            for i in range(iterations):
                check += check_tree(make_tree(depth))
            results.append(check)
        objs = sum(check_obj_tree(make_obj_tree(10)) for _ in range(20))
        results.append(objs)
    print("checksum: %d %d %d %d" % (stretch, sum(results), len(results), check_tree(long_lived)))


main()
