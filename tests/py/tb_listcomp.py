# An error inside a list comprehension: since 3.12 the comprehension has no frame of its own.
def scale(rows):
    return [[v * 2 for v in row] for row in rows]
print(scale([[1, 2], [3]]))
def bad():
    data = ["1", "2", "x"]
    return [int(s) for s in data]
bad()
