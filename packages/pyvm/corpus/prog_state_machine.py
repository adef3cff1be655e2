# A table-driven state machine parsing simple CSV lines with quoted fields.
def parse_csv_line(line):
    fields, buf, state = [], [], "start"
    for ch in line + "\0":
        if state == "start":
            if ch == '"':
                state = "quoted"
            elif ch in ",\0":
                fields.append("")
            else:
                buf.append(ch); state = "plain"
        elif state == "plain":
            if ch in ",\0":
                fields.append("".join(buf)); buf = []; state = "start"
            else:
                buf.append(ch)
        elif state == "quoted":
            if ch == '"':
                state = "quote_in_quoted"
            elif ch == "\0":
                raise ValueError("unterminated quote")
            else:
                buf.append(ch)
        elif state == "quote_in_quoted":
            if ch == '"':
                buf.append('"'); state = "quoted"
            elif ch in ",\0":
                fields.append("".join(buf)); buf = []; state = "start"
            else:
                raise ValueError(f"unexpected {ch!r} after quote")
    return fields
for line in ['a,b,c', 'one,"two, three",four', '"say ""hi""",x', ',,', '"unterminated', '"bad"x,1', '']:
    try:
        print(repr(line), "->", parse_csv_line(line))
    except ValueError as e:
        print(repr(line), "-> ValueError:", e)
transitions = {("locked", "coin"): "unlocked", ("unlocked", "push"): "locked", ("locked", "push"): "locked", ("unlocked", "coin"): "unlocked"}
state = "locked"
for event in ["push", "coin", "coin", "push", "push", "kick"]:
    state = transitions.get((state, event), state)
    print(event, "->", state)
