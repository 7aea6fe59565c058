# Uncaught custom exception raised in a method: the traceback names the method and class-less type name.
class InventoryError(Exception):
    pass
class Store:
    def __init__(self):
        self.stock = {"apple": 3}
    def take(self, item, n):
        have = self.stock.get(item, 0)
        if have < n:
            raise InventoryError("only %d %s left, wanted %d" % (have, item, n))
        self.stock[item] = have - n
s = Store()
s.take("apple", 2)
print("took 2 apples")
s.take("apple", 2)
