# Uncaught TypeError: a str joined to bytes with +, as a network-style message builder might do.
header = b"HTTP/1.0 200 OK\r\n"
print(header, len(header))
parts = [b"Content-Length: 5\r\n", b"\r\n"]
message = header
for p in parts:
    message = message + p
print(message.split(b"\r\n"))
body = "hello"
message = message + body
print("never printed", message)
