# Exception inside a generator and a generator expression shows the generator frames.
def numbers():
    yield 1
    yield 2
    raise ValueError("generator failed")
def consume():
    total = 0
    for n in numbers():
        total += n
        print("got", n)
    return total
consume()
