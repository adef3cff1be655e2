// Differential tests of the bytes type: each expression is evaluated by pyvm and by CPython 3.11
// (one python3 process for the file), and the repr of the result or the exception must match;
// every group must leave no object alive.
import { DiffSuite } from "./testing/diff-harness.js";

const suite = new DiffSuite();

suite.exprs("repr, str and len", [
  "b''",
  "b\"it's\"",
  "b'say \"hi\"'",
  "b'both \\' and \"'",
  "b'\\t\\n\\r\\\\\\x00\\x7f\\x80\\xff'",
  "bytes(range(256))",
  "str(b'abc')",
  "len(b'abc'), len(b'')",
  "bool(b''), bool(b'\\x00')",
  "f'{b\"x\"}|{b\"y\"!r}'",
  "format(b'q')",
  "format(b'q', '5')",
  "ascii(b'\\xff')",
]);

suite.exprs("subscripts and iteration", [
  "b'hello'[0], b'hello'[-1]",
  "b'hello'[5]",
  "b'hello'[-6]",
  "b'hello'[str('a')]",
  "b'hello'[float('1.5')]",
  "b'hello'[10**30]",
  "b'hello world'[::2], b'hello world'[::-1], b'hello world'[8:2:-2], b'hello'[100:]",
  "b'hello'[::0]",
  "s = b'whole'; s[:] is s",
  "list(b'abc'), tuple(b''), sorted(b'banana')",
  "type(iter(b'')).__name__",
  "it = iter(b'ab'); next(it), next(it), next(it, 'done')",
  "list(reversed(b'abc'))",
  "a, b = b'xy'; (a, b)",
]);

suite.exprs("membership and comparison", [
  "104 in b'hi', b'i' in b'hi', b'' in b'', b'hx' in b'hi', True in b'\\x01'",
  "256 in b'a'",
  "-1 in b'a'",
  "'a' in b'a'",
  "b'a' in 'a'",
  "b'a' == b'a', b'a' != b'b', b'a' < b'ab', b'b' > b'ab', b'' <= b'', b'\\xff' >= b'\\x00'",
  "b'a' == 'a', b'a' != 'a', b'1' == 1",
  "b'a' < 'a'",
  "b'a' <= 1",
  "sorted([b'b', b'', b'ab', b'a'])",
  "b'a'.__eq__('a'), b'a'.__lt__(b'b'), b'a'.__ge__(1)",
]);

suite.exprs("hash", [
  "hash(b'')",
  "hash(b'a') == hash('a'), hash(b'abc') == hash('abc'), hash(b'\\xe9') == hash('\\xe9')",
  "hash(b'exactly8'), hash(b'a longer bytes object to hash'), hash(bytes(range(200)))",
  "b'k'.__hash__() == hash(b'k')",
  "{b'a': 1, 'a': 2}",
  "len({b'x', b'x', 'x'})",
]);

suite.exprs("operators", [
  "b'ab' + b'cd', b'' + b'x', b'x' + b''",
  "b'ab' * 3, 3 * b'ab', b'ab' * 0, b'ab' * -3, b'' * 5",
  "s = b'one'; (s * 1 is s, s + b'' is s, b'' + s is s)",
  "b'a' + 'a'",
  "b'a' + [1]",
  "'a' + b'a'",
  "1 + b'a'",
  "b'a' * 'a'",
  "b'a' * 2.0",
  "b'a' * 10**30",
  "b'ab' * 2**62",
  "b'a' - b'a'",
  "-b'a'",
  "b'x'.__add__('y')",
  "b'x'.__mul__('y')",
  "b'x'.__rmul__(2)",
  "x = b'a'; x += b'b'; x *= 2; x",
]);

suite.blocks("operators defer to reflected methods", [
  "class R:\n    def __radd__(self, o): return 'radd'\n    def __rmul__(self, o): return 'rmul'\nprint(b'x' + R(), b'x' * R())",
  "class I:\n    def __index__(self): return 3\nprint(b'ab' * I(), I() * b'c', b'abcd'[I()], I() in b'\\x03', bytes(I()))",
  "class B:\n    def __bytes__(self): return b'mine'\nprint(bytes(B()), b'%s|%b' % (B(), B()))",
  "class Bad:\n    def __bytes__(self): return 'str'\nprint(bytes(Bad()))",
]);

suite.exprs("constructor", [
  "bytes(), bytes(3), bytes([1, 2]), bytes((255,)), bytes(range(3)), bytes(x for x in (7, 8)), bytes({9: 0})",
  "bytes('é', 'utf-8'), bytes('é', 'latin-1'), bytes('é', 'ascii', 'replace'), bytes(source=b'x')",
  "s = b'same'; bytes(s) is s",
  "bytes(-1)",
  "bytes([256])",
  "bytes(['a'])",
  "bytes('abc')",
  "bytes(1.5)",
  "bytes(None)",
  "bytes(10**30)",
  "bytes(b'x', 'utf-8')",
  "bytes(errors='strict')",
  "bytes('a', errors='strict')",
  "bytes(encoding='utf-8')",
  "bytes('a', None)",
  "bytes('a', 'utf-8', 'strict', 1)",
]);

suite.exprs("searching", [
  "b'hello'.find(b'l'), b'hello'.rfind(b'l'), b'hello'.find(108), b'hello'.find(b'z'), b'hello'.find(b''), b'hello'.rfind(b'')",
  "b'hello'.find(b'l', 3), b'hello'.find(b'l', -2), b'hello'.find(b'', 10), b'hello'.find(b'h', 1, 0)",
  "b'hello'.index(b'e'), b'hello'.rindex(108)",
  "b'hello'.index(b'z')",
  "b'hello'.find('l')",
  "b'hello'.find(256)",
  "b'hello'.find(b'l', 'x')",
  "b'hello'.find()",
  "b'hello'.count(b'l'), b'hello'.count(108), b'hello'.count(b''), b'aaaa'.count(b'aa'), b'hello'.count(b'l', 3, 4)",
  "b'hello'.startswith(b'he'), b'hello'.endswith(b'lo'), b'hello'.startswith((b'x', b'h')), b'hello'.endswith(b'l', 0, 3)",
  "b'hello'.startswith('h')",
  "b'hello'.startswith((b'h', 'h')), b'hello'.startswith((b'x', 'h'))",
]);

suite.exprs("splitting and joining", [
  "b'  a  b  c  '.split(), b'a b c'.split(maxsplit=1), b'a b  c  '.rsplit(None, 1), b''.split(), b'\\x1c'.split()",
  "b'a,b,,c'.split(b','), b'a,b,c'.rsplit(b',', 1), b''.split(b','), b'aaa'.split(b'aa'), b'aaa'.rsplit(b'aa')",
  "b'abc'.split(b'')",
  "b'abc'.split('b')",
  "b'a\\nb\\r\\nc\\rd'.splitlines(), b'a\\nb\\r\\n'.splitlines(True), b'x\\x0cy'.splitlines()",
  "b'k=v=w'.partition(b'='), b'k=v=w'.rpartition(b'='), b'x'.partition(b'='), b'x'.rpartition(b'=')",
  "b'x'.partition(b'')",
  "b', '.join([b'a', b'b']), b''.join([]), b'-'.join(iter([b'1', b'2'])), b'-'.join((b'solo',))",
  "b','.join(['a'])",
  "b','.join([b'a', 1])",
  "b','.join(5)",
]);

suite.exprs("stripping and replacing", [
  "b'  hi  '.strip(), b'  hi  '.lstrip(), b'  hi  '.rstrip(), b'\\t\\n\\x0b\\x0c\\r hi \\x1c'.strip(), b'xxhixx'.strip(b'x')",
  "b'abcba'.strip(None), b'abcba'.lstrip(b'ab'), b'abcba'.rstrip(b'ab')",
  "b'abc'.strip('a')",
  "b'abc'.strip(b'a', b'b')",
  "s = b'same'; (s.strip() is s, s.replace(b'x', b'y') is s, s.split()[0] is s)",
  "b'spam.py'.removesuffix(b'.py'), b'spam'.removeprefix(b'sp'), b'spam'.removeprefix(b'x')",
  "b'hello'.replace(b'l', b'L'), b'hello'.replace(b'l', b'', 1), b'abc'.replace(b'', b'-'), b'abc'.replace(b'', b'-', 2)",
  "b'abc'.replace('a', 'b')",
  "b'abc'.replace(b'a')",
  "t = bytes.maketrans(b'abc', b'xyz'); (len(t), b'aabbcc'.translate(t), b'hello'.translate(None, b'l'))",
  "bytes.maketrans(b'ab', b'c')",
  "b'abc'.translate(b'short')",
]);

suite.exprs("case, classification and padding", [
  "b'Hello World'.upper(), b'Hello World'.lower(), b'Hello World'.swapcase(), b'hello world'.capitalize(), b'hello wORLD 3rd'.title()",
  "b'\\xe9t\\xe9'.upper(), b'\\xc9'.lower()",
  "b'123'.isdigit(), b''.isdigit(), b'abc'.isalpha(), b'ab1'.isalnum(), b' \\t'.isspace(), b'ABC1'.isupper(), b'abc'.islower()",
  "b'Hello World'.istitle(), b'hello'.istitle(), b'\\x80'.isascii(), b''.isascii()",
  "b'abc'.upper(1)",
  "bytes.upper('a')",
  "b'abc'.center(9, b'*'), b'abc'.center(8), b'abc'.ljust(6), b'abc'.rjust(6, b'0'), b'abc'.center(2)",
  "b'abc'.center(10, 'x')",
  "b'abc'.center(10, None)",
  "b'42'.zfill(5), b'-42'.zfill(5), b'+7'.zfill(4), b''.zfill(2)",
  "b'a\\tbc\\tdef'.expandtabs(), b'a\\tbc'.expandtabs(4), b'x\\ty\\nab\\tz'.expandtabs(3), b'\\t'.expandtabs(0)",
]);

suite.exprs("hex and fromhex", [
  "b'\\xde\\xad\\xbe\\xef'.hex(), b''.hex(), bytes(range(5)).hex('-'), bytes(range(5)).hex(':', 2), bytes(range(5)).hex(':', -2)",
  "b'\\xab\\xcd'.hex(b' '), b'\\x01\\x02\\x03'.hex(sep='_', bytes_per_sep=3)",
  "b'ab'.hex('')",
  "b'ab'.hex(1)",
  "b'ab'.hex('é')",
  "bytes.fromhex('de ad  be ef'), bytes.fromhex(''), bytes.fromhex(' 01 '), bytes.fromhex('0A0b')",
  "bytes.fromhex('zz')",
  "bytes.fromhex('a')",
  "bytes.fromhex('00 0')",
  "bytes.fromhex('é0')",
  "bytes.fromhex(b'00')",
  "bytes.fromhex(None)",
]);

suite.exprs("codecs", [
  "'héllo €'.encode(), 'abc'.encode('ascii'), 'é'.encode('latin1'), 'x'.encode(encoding='UTF8')",
  "'é€'.encode('ascii', 'replace'), 'é€'.encode('ascii', 'ignore'), 'é€😀'.encode('ascii', 'backslashreplace'), 'é€'.encode('latin-1', 'xmlcharrefreplace')",
  "'aéé'.encode('ascii')",
  "'a€'.encode('latin-1')",
  "'\\ud800'.encode()",
  "'a'.encode('rot13')",
  "'a'.encode('nope')",
  "'é'.encode('ascii', 'nope')",
  "'a'.encode(1)",
  "b'h\\xc3\\xa9'.decode(), b'abc'.decode('ascii'), b'\\xe9'.decode('latin-1'), b'\\xf0\\x9f\\x98\\x80'.decode()",
  "b'\\xff'.decode()",
  "b'a\\xe2\\x82'.decode()",
  "b'\\xe2\\x28\\xa1'.decode()",
  "b'\\xed\\xa0\\x80'.decode()",
  "b'\\xe9'.decode('ascii')",
  "b'\\xff\\xe2\\x82(\\xc3'.decode('utf-8', 'replace'), b'\\xff\\xe2\\x82('.decode('utf-8', 'backslashreplace'), b'a\\xff'.decode('ascii', 'ignore')",
  "b'a'.decode('hex')",
  "b'a'.decode(None)",
  "str(b'abc', 'ascii'), str(b'\\xc3\\xa9', encoding='utf-8'), str(b'\\xff', 'ascii', 'replace'), str(b'x', errors='strict')",
  "str(5, 'utf-8')",
  "str('s', 'utf-8')",
]);

suite.blocks("Unicode errors", [
  "try:\n    b'ok\\xff'.decode()\nexcept UnicodeDecodeError as e:\n    print(e.args, e.encoding, e.object, e.start, e.end, e.reason, isinstance(e, ValueError))",
  "try:\n    'aé'.encode('ascii')\nexcept UnicodeEncodeError as e:\n    print(e.args, e.encoding, e.object, e.start, e.end, e.reason, str(e))",
  "e = UnicodeDecodeError('utf-8', b'\\x00\\x81', 1, 2, 'made up')\nprint(str(e), repr(e), e.reason)",
  "e = UnicodeEncodeError('latin-1', 'a\\u20acb', 1, 3, 'not latin')\nprint(str(e), e.end)",
  "e = UnicodeDecodeError('utf-8', b'', 0, 1, 'empty')\nprint(str(e))",
]);

suite.exprs("conversions with int, float and ord", [
  "int.from_bytes(b'\\x00\\x10', 'big'), int.from_bytes(b'\\xff\\xff', 'little', signed=True), int.from_bytes(b'', 'big')",
  "(258).to_bytes(2, 'little'), (-1).to_bytes(2, 'big', signed=True), (0).to_bytes(0, 'big'), (65).to_bytes()",
  "int(b' 42 '), int(b'ff', 16), int(b'0x1f', 0), float(b' 2.5 ')",
  "int(b'4x')",
  "float(b'x')",
  "ord(b'A'), ord(b'\\xff')",
  "ord(b'ab')",
  "ord(b'')",
]);

suite.exprs("percent formatting", [
  "b'%s is %d' % (b'Bob', 42), b'%5.2f|%x|%c|%c' % (3.14159, 255, 65, b'Z'), b'%r %a' % ('é', b'x')",
  "b'%(a)s-%(b)s' % {b'a': b'1', b'b': b'2'}, b'100%%' % (), b'%b' % b'bee', b'[%-4s]' % b'x'",
  "b'%s' % 'str'",
  "b'%c' % 256",
  "b'%c' % b'ab'",
  "b'%d' % b'1'",
  "b'a' % 1",
  "b'%s %s' % (b'a',)",
  "b'%(k)s' % {}",
  "5 % b'x'",
]);

suite.register();
