# Uncaught TypeError: calling a non-callable object.
handlers = {"a": print, "b": "not a function"}
handlers["a"]("calling a")
handlers["b"]("calling b")
