# sys.exit() with no argument inside nested calls and finally blocks: status 0.
import sys
def shutdown():
    try:
        sys.exit()
    finally:
        print("finally still runs")
print("start")
shutdown()
print("never")
