print(sep=" ", "x")
