# Uncaught UnicodeDecodeError: latin-1 data decoded as UTF-8 after some lines decode fine.
lines = [b"plain ascii", "caf\u00e9".encode("utf-8"), "caf\u00e9".encode("latin-1"), b"never reached"]
for raw in lines:
    text = raw.decode("utf-8")
    print(len(raw), len(text), text)
