# sys.exit with a nonzero code: output so far is kept, no traceback, exit status 3.
import sys
print("exiting")
sys.exit(3)
print("never")
