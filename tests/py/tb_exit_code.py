# sys.exit(3): exit status 3, nothing on stderr, stdout flushed.
import sys
for i in range(3):
    print("line", i)
sys.exit(3)
print("not reached")
