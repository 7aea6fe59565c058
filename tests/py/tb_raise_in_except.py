# A bare raise re-raises the active exception with its original traceback line.
def risky():
    return [1, 2, 3][7]
def wrapper():
    try:
        risky()
    except IndexError:
        print("logging the error, then re-raising")
        raise
wrapper()
