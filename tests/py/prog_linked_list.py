# A singly linked list class: iteration protocol, indexing, reversal, merge sort, equality and repr.
class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, nxt=None):
        self.val, self.next = val, nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        tail = None
        for x in items:
            node = Node(x)
            if tail is None:
                self.head = node
            else:
                tail.next = node
            tail = node
            self.size += 1
    def __len__(self):
        return self.size
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(x) for x in self) + "])"
    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError("linked list index out of range")
        n = self.head
        for _ in range(i):
            n = n.next
        return n.val
    def __contains__(self, x):
        return any(v == x for v in self)
    def push_front(self, x):
        self.head = Node(x, self.head)
        self.size += 1
    def pop_front(self):
        if not self.head:
            raise IndexError("pop from empty linked list")
        v = self.head.val
        self.head = self.head.next
        self.size -= 1
        return v
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
        return self
    def sort(self, key=lambda x: x):
        def merge(a, b):
            dummy = tail = Node(None)
            while a and b:
                if key(b.val) < key(a.val):
                    tail.next, b = b, b.next
                else:
                    tail.next, a = a, a.next
                tail = tail.next
            tail.next = a or b
            return dummy.next
        def msort(h, n):
            if n <= 1:
                if h:
                    h.next = None
                return h
            mid = h
            for _ in range(n // 2 - 1):
                mid = mid.next
            right = mid.next
            mid.next = None
            return merge(msort(h, n // 2), msort(right, n - n // 2))
        self.head = msort(self.head, self.size)
        return self
ll = LinkedList([5, 3, 8, 1, 9, 2])
print(ll, len(ll), ll[0], ll[-1], 8 in ll, 7 in ll, list(ll), sum(ll))
ll.push_front(0)
print(ll.pop_front(), ll.pop_front(), ll)
print(ll.reverse(), ll.sort(), LinkedList("hello").sort(), LinkedList() == LinkedList([]), ll == LinkedList([1, 2, 3, 8, 9]))
recs = LinkedList([("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)])
print(recs.sort(key=lambda r: r[1]))
big = LinkedList((i * 7919) % 1000 for i in range(2000))
big.sort()
vals = list(big)
print(vals == sorted(vals), vals[:5], vals[-5:], len(big))
for bad in [lambda: ll[10], lambda: LinkedList().pop_front()]:
    try:
        bad()
    except IndexError as e:
        print(type(e).__name__, e)
