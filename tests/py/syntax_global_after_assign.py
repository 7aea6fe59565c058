def f():
    class C:
        x = [i for i in range(3)]
    nonlocal_value = 1
    global nonlocal_value
