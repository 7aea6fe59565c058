# An exception raised while handling another: "During handling of the above exception".
def cleanup(resource):
    raise RuntimeError("cleanup failed for " + resource)
def work():
    try:
        {}["missing"]
    except KeyError:
        cleanup("db")
work()
