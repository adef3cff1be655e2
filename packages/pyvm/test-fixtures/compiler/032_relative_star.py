from math import *
import sys, json
print(sqrt(4), sys, json)
