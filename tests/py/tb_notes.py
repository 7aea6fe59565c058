# An uncaught exception prints its __notes__ (PEP 678) after the exception line, also in a chain.
class Loud:
    def __str__(self):
        return "note from __str__"


try:
    e = KeyError("inner")
    e.add_note("inner note")
    raise e
except KeyError as inner:
    err = ValueError("outer")
    err.add_note("first note")
    err.add_note("multi\nline note")
    err.__notes__.append(Loud())
    print("raising")
    raise err
