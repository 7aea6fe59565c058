# Unbounded recursion turned into a clean error exit with a message on stderr (status 1).
import sys
def runaway(n):
    return runaway(n + 1) + 1
print("starting")
try:
    runaway(0)
except RecursionError as e:
    sys.exit("fatal: " + str(e))
