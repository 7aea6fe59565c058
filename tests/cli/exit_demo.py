import sys
print("out", sys.argv[1:])
if sys.argv[1:] == ["msg"]:
    sys.exit("bye")
if sys.argv[1:] == ["code"]:
    sys.exit(3)
raise ValueError("boom")
