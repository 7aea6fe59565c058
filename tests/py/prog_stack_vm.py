# An assembler and stack-based bytecode VM: labels, jumps, calls, and programs computing primes and gcd.
OPS = ["push", "pop", "dup", "swap", "over", "add", "sub", "mul", "div", "mod", "eq", "lt", "jmp", "jz", "jnz", "call", "ret", "print", "halt", "load", "store"]
def assemble(src):
    code, labels, fixups = [], {}, []
    for line in src.strip().splitlines():
        line = line.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(code)
            continue
        parts = line.split()
        op = parts[0]
        if op not in OPS:
            raise ValueError("unknown op " + op)
        code.append(OPS.index(op))
        if len(parts) > 1:
            arg = parts[1]
            if arg.lstrip("-").isdigit():
                code.append(int(arg))
            else:
                fixups.append((len(code), arg))
                code.append(0)
    for pos, name in fixups:
        code[pos] = labels[name]
    return code
def run(code, max_steps=10 ** 6):
    stack, calls, mem, out = [], [], {}, []
    pc = steps = 0
    while steps < max_steps:
        steps += 1
        op = OPS[code[pc]]
        pc += 1
        if op in ("push", "jmp", "jz", "jnz", "call", "load", "store"):
            arg = code[pc]
            pc += 1
        if op == "push": stack.append(arg)
        elif op == "pop": stack.pop()
        elif op == "dup": stack.append(stack[-1])
        elif op == "swap": stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == "over": stack.append(stack[-2])
        elif op in ("add", "sub", "mul", "div", "mod", "eq", "lt"):
            b, a = stack.pop(), stack.pop()
            stack.append({"add": a + b, "sub": a - b, "mul": a * b, "div": a // b if b else 0, "mod": a % b if b else 0,
                          "eq": int(a == b), "lt": int(a < b)}[op])
        elif op == "jmp": pc = arg
        elif op == "jz":
            if stack.pop() == 0: pc = arg
        elif op == "jnz":
            if stack.pop() != 0: pc = arg
        elif op == "call":
            calls.append(pc); pc = arg
        elif op == "ret": pc = calls.pop()
        elif op == "print": out.append(stack.pop())
        elif op == "load": stack.append(mem.get(arg, 0))
        elif op == "store": mem[arg] = stack.pop()
        elif op == "halt": return out, steps
    raise RuntimeError("step limit exceeded")
GCD = """
    push 1071
    push 462
loop:
    dup
    jz done
    swap
    over
    mod
    jmp loop
done:
    pop
    print
    halt
"""
PRIMES = """
    push 2
    store 0          ; n = 2
next_n:
    load 0
    push 60
    lt
    jz end
    push 2
    store 1          ; d = 2
try_d:
    load 1
    load 1
    mul
    load 0
    swap
    lt               ; n < d*d ?
    jnz is_prime
    load 0
    load 1
    mod
    jz not_prime
    load 1
    push 1
    add
    store 1
    jmp try_d
is_prime:
    load 0
    print
not_prime:
    load 0
    push 1
    add
    store 0
    jmp next_n
end:
    halt
"""
FACT = """
    push 20
    call fact
    print
    halt
fact:           ; ( n -- n! )
    dup
    push 2
    lt
    jnz base
    dup
    push 1
    sub
    call fact
    mul
    ret
base:
    pop
    push 1
    ret
"""
for name, src in [("gcd", GCD), ("primes", PRIMES), ("fact", FACT)]:
    code = assemble(src)
    print(name, len(code), run(code))
try:
    run(assemble("top:\n jmp top"), max_steps=1000)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    assemble("bogus 1")
except ValueError as e:
    print(type(e).__name__, e)
