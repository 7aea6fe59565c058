# A Brainfuck interpreter with bracket pre-matching, running hello world and a small computation.
def run(code, inp=""):
    code = [c for c in code if c in "+-<>[].,"]
    match = {}
    stack = []
    for i, c in enumerate(code):
        if c == "[":
            stack.append(i)
        elif c == "]":
            if not stack:
                raise SyntaxError("unmatched ] at %d" % i)
            j = stack.pop()
            match[i], match[j] = j, i
    if stack:
        raise SyntaxError("unmatched [ at %d" % stack[-1])
    tape = [0] * 30000
    ptr = pc = steps = 0
    out = []
    inp = list(inp)
    while pc < len(code):
        c = code[pc]
        if c == "+":
            tape[ptr] = (tape[ptr] + 1) & 255
        elif c == "-":
            tape[ptr] = (tape[ptr] - 1) & 255
        elif c == ">":
            ptr += 1
        elif c == "<":
            ptr -= 1
        elif c == ".":
            out.append(chr(tape[ptr]))
        elif c == ",":
            tape[ptr] = ord(inp.pop(0)) if inp else 0
        elif c == "[" and tape[ptr] == 0:
            pc = match[pc]
        elif c == "]" and tape[ptr] != 0:
            pc = match[pc]
        pc += 1
        steps += 1
    return "".join(out), steps
HELLO = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
print(run(HELLO))
REVERSE = ">,[>,]<[.<]"
print(run(REVERSE, "stressed"))
ADD = ",>,[<+>-]<------------------------------------------------."
print(run(ADD, "34"))
COUNTDOWN = "++++++++[>+++++++<-]>+<++++++++++[>.-<-]"
out, steps = run(COUNTDOWN)
print(repr(out), steps)
for bad in ["[[]", "]"]:
    try:
        run(bad)
    except SyntaxError as e:
        print(type(e).__name__, e)
