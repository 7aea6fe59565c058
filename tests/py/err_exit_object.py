# sys.exit with a non-int, non-str object: printed to stderr, status 1.
import sys
print("exiting with a list")
sys.exit([1, "two"])
