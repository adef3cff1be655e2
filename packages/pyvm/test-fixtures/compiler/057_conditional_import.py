try:
    import json
except ImportError:
    json = None
if json:
    from json import dumps as d
