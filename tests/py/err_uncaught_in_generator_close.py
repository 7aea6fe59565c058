# Exceptions from a with-block's __exit__ propagate with the original as context.
class Bad:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise RuntimeError("exit failed while handling " + et.__name__)
with Bad():
    print("inside")
    raise IndexError("body error")
