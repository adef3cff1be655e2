# Test support for str-unicode.test.ts: prints, as JSON, CPython 3.11's answers for every code
# point whose str methods are not trivial — [cp, flags, upper, lower, title, casefold] with null
# for a mapping that leaves the character alone. Code points absent from the list have no flags
# and map to themselves. Flags: 1 isupper, 2 islower, 4 isalpha, 8 isdigit, 16 isnumeric,
# 32 isdecimal, 64 istitle, 128 isspace, 256 isidentifier. Only planes 0-3 and plane 14 are
# scanned: the others hold no assigned characters except private use ones, which have no data.
import json
import sys

rows = []
for cp in [*range(0x40000), *range(0xE0000, 0xE1000)]:
    if 0xD800 <= cp <= 0xDFFF:
        continue
    c = chr(cp)
    flags = (
        c.isupper() * 1 | c.islower() * 2 | c.isalpha() * 4 | c.isdigit() * 8 | c.isnumeric() * 16
        | c.isdecimal() * 32 | c.istitle() * 64 | c.isspace() * 128 | c.isidentifier() * 256
    )
    maps = [m if m != c else None for m in (c.upper(), c.lower(), c.title(), c.casefold())]
    if flags != 0 or maps != [None] * 4:
        rows.append([cp, flags, *maps])
json.dump(rows, sys.stdout, separators=(",", ":"))
