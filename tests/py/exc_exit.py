# SystemExit and sys.exit caught inside the program; KeyboardInterrupt is a BaseException.
import sys
for arg in [None, 0, 3, "message"]:
    try:
        sys.exit(arg) if arg is not None else sys.exit()
    except SystemExit as e:
        print("SystemExit", repr(e.code), e.args)
try:
    raise SystemExit(5)
except Exception:
    print("not reached: SystemExit is not an Exception")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt caught", repr(e))
try:
    exit_code = 2
    raise SystemExit(exit_code)
finally:
    print("finally runs during SystemExit")
