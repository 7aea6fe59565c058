# nonlocal in nested scopes, UnboundLocalError, class bodies and closures.
def level1():
    v = "L1"
    def level2():
        nonlocal v
        v = "L2"
        def level3():
            nonlocal v
            v = "L3"
        level3()
        return v
    r = level2()
    return r, v
print(level1())
def unbound():
    try:
        print(y)
        y = 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
unbound()
z = "global z"
def read_then_assign():
    try:
        z += "!"
    except UnboundLocalError as e:
        print(type(e).__name__, e)
read_then_assign()
def free_var_unbound():
    def inner():
        return w
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    w = 1
free_var_unbound()
def class_scope():
    x = "enclosing"
    class C:
        x = "class"
        y = x
        def m(self):
            return x
    return C.y, C().m()
print(class_scope())
def comp_scope():
    n = 10
    return [n + i for i in range(3)], {i: n for i in range(2)}
print(comp_scope())
def del_local():
    q = 1
    del q
    try:
        return q
    except UnboundLocalError as e:
        return type(e).__name__ + " " + str(e)
print(del_local())
