# sys.exit(None) and falling off the end both mean status 0; SystemExit(0) raised directly too.
import sys
print("before")
raise SystemExit(None)
