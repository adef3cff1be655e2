x: int = 5
self.x: int = 5
a[0]: float = 1.0
(y): str
z: list = []
w: int = yield_ if False else 0
