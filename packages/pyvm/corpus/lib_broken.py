# Helper module that fails while importing (used by err_import_broken.py).
value = 1
raise ValueError("lib_broken refuses to load")
