# Uncaught exception raised while importing a helper module.
print("about to import")
import lib_broken
print("never")
