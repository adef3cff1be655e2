# SystemExit with a string: printed to stderr, exit status 1.
import sys
print("about to fail")
raise SystemExit("fatal: configuration invalid")
