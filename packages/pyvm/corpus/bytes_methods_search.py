# bytes methods that search, split, join, strip and replace: bytes or int arguments, start/end
# indexes, maxsplit from either end, and results that are the object itself when nothing changes.
b = b"the quick brown fox jumps over the lazy dog"
print(b.find(b"the"), b.find(b"the", 1), b.rfind(b"the"), b.find(b"cat"), b.find(ord("q")), b.rfind(111), b.find(b""), b.rfind(b""))
print(b.find(b"o", 15, 20), b.find(b"o", -10), b.find(b"dog", -3), b.find(b"", 100), b.find(b"e", 5, 1))
print(b.index(b"quick"), b.rindex(b"o"), b.count(b"o"), b.count(ord("e")), b.count(b""), b.count(b"the", 5), b"aaaa".count(b"aa"))
print(b.startswith(b"the"), b.startswith(b"quick", 4), b.endswith(b"dog"), b.endswith(b"lazy", 0, -4), b.startswith((b"a", b"t")), b.endswith(()))
print(b"".startswith(b""), b"abc".endswith(b"", 5), b"abc".startswith(b"abcd"))
print(b.split(), b.split(b" ", 2), b.rsplit(b" ", 2), b.split(b"o"), b"a,b,,c,".split(b","), b"  lead and trail  ".split())
print(b"a b  c".split(None, 1), b"a b  c  ".rsplit(None, 1), b"".split(), b"".split(b","), b"no-sep".split(b","), b"x".split(maxsplit=0))
print(b"1\n22\r\n333\r4444\n".splitlines(), b"1\n22\r\n333".splitlines(keepends=True), b"\n\n".splitlines(), b"".splitlines())
print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"none".partition(b"="), b"none".rpartition(b"="))
print(b", ".join([b"a", b"b", b"c"]), b"".join([b"x", b"y"]), b"-".join(b"%d" % i for i in range(4)), b"+".join([]), b"|".join((b"solo",)))
print(b"  padded  ".strip(), b"  padded  ".lstrip(), b"  padded  ".rstrip(), b"\t\n\x0b\x0c\r x \t".strip(), b"xxhixx".strip(b"x"))
print(b"www.example.com".strip(b"cmowz."), b"abcba".lstrip(b"ab"), b"abcba".rstrip(b"ab"), b"keep".strip(None), b"".strip())
print(b"spam.py".removesuffix(b".py"), b"spam.py".removeprefix(b"sp"), b"spam".removeprefix(b"x"), b"spam".removesuffix(b""))
print(b"hello".replace(b"l", b"L"), b"hello".replace(b"l", b"", 1), b"abc".replace(b"", b"-"), b"abc".replace(b"", b"-", 2))
print(b"aaa".replace(b"a", b"bb"), b"aaa".replace(b"aa", b"x"), b"abc".replace(b"x", b"y"), b"abab".replace(b"ab", b"ba", -1), b"x".replace(b"x", b"", 0))
original = b"unchanged"
print(original.strip() is original, original.replace(b"z", b"q") is original, original.split()[0] is original)
print(original.removeprefix(b"z") is original, original[:] is original, original.lstrip(b"z") is original)
table = bytes.maketrans(b"abc", b"ABC")
print(len(table), b"aabbccdd".translate(table), b"hello world".translate(None, b"lo"), b"swap".translate(table, b"s"))
