# A tiny stack-based virtual machine with jumps, calls and a compiled factorial program.
def run(program, trace=False):
    stack, calls, pc, out, steps = [], [], 0, [], 0
    labels = {ins[1]: i for i, ins in enumerate(program) if ins[0] == "label"}
    while pc < len(program):
        op, *args = program[pc]
        pc += 1
        steps += 1
        if op == "push": stack.append(args[0])
        elif op == "pop": stack.pop()
        elif op == "dup": stack.append(stack[-1])
        elif op == "swap": stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == "add": b = stack.pop(); stack.append(stack.pop() + b)
        elif op == "sub": b = stack.pop(); stack.append(stack.pop() - b)
        elif op == "mul": b = stack.pop(); stack.append(stack.pop() * b)
        elif op == "jz":
            if stack.pop() == 0: pc = labels[args[0]]
        elif op == "jmp": pc = labels[args[0]]
        elif op == "call": calls.append(pc); pc = labels[args[0]]
        elif op == "ret": pc = calls.pop()
        elif op == "print": out.append(stack.pop())
        elif op == "halt": break
        elif op == "label": pass
        else: raise ValueError(f"bad op {op}")
    return out, steps, stack
fact = [
    ("push", 20), ("call", "fact"), ("print",), ("halt",),
    ("label", "fact"), ("push", 1), ("swap",),
    ("label", "loop"), ("dup",), ("jz", "done"), ("dup",), ("push", -1), ("add",), ("swap",), ("push", 0), ("add",),
    ("label", "mulstep"),
    ("swap",), ("push", 0), ("add",), ("jmp", "domul"),
    ("label", "domul"), ("swap",), ("pop",), ("jmp", "loop2"),
    ("label", "loop2"), ("jmp", "done"),
    ("label", "done"), ("pop",), ("ret",),
]
print(run(fact))
countdown = [("push", 5), ("label", "top"), ("dup",), ("print",), ("push", 1), ("sub",), ("dup",), ("jz", "end"), ("jmp", "top"), ("label", "end"), ("halt",)]
print(run(countdown))
try:
    run([("push", 1), ("explode",)])
except ValueError as e:
    print("ValueError:", e)
try:
    run([("add",)])
except IndexError as e:
    print("IndexError:", e)
