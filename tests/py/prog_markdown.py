# A mini Markdown-to-HTML converter: headings, paragraphs, lists, emphasis, code spans, links, escaping.
DOC = """# Krait notes

A *compact* VM with a **method JIT**. See [the design](docs/design.md) & more.

## Features
- tagged ints
- inline caches with `shape` guards
- a *linear-scan* allocator

1. parse
2. compile
3. run

Code: `x < y && y > z` stays escaped.

### Done
Trailing paragraph
spanning two lines.
"""
def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
def inline(text):
    out = []
    i = 0
    while i < len(text):
        if text[i] == "`":
            j = text.index("`", i + 1)
            out.append("<code>" + escape(text[i + 1:j]) + "</code>")
            i = j + 1
        elif text.startswith("**", i):
            j = text.index("**", i + 2)
            out.append("<strong>" + inline(text[i + 2:j]) + "</strong>")
            i = j + 2
        elif text[i] == "*":
            j = text.index("*", i + 1)
            out.append("<em>" + inline(text[i + 1:j]) + "</em>")
            i = j + 1
        elif text[i] == "[":
            j = text.index("]", i)
            k = text.index(")", j)
            out.append('<a href="%s">%s</a>' % (escape(text[j + 2:k]), inline(text[i + 1:j])))
            i = k + 1
        else:
            out.append(escape(text[i]))
            i += 1
    return "".join(out)
def convert(md):
    html = []
    para = []
    lst = None
    def flush():
        nonlocal lst
        if para:
            html.append("<p>" + inline(" ".join(para)) + "</p>")
            para.clear()
        if lst:
            html.append("<%s>" % lst[0])
            html.extend("  <li>" + inline(item) + "</li>" for item in lst[1])
            html.append("</%s>" % lst[0])
            lst = None
    for line in md.splitlines():
        s = line.strip()
        if not s:
            flush()
        elif s.startswith("#"):
            flush()
            level = len(s) - len(s.lstrip("#"))
            html.append("<h%d>%s</h%d>" % (level, inline(s[level:].strip()), level))
        elif s.startswith("- "):
            if para or (lst and lst[0] != "ul"):
                flush()
            lst = lst or ("ul", [])
            lst[1].append(s[2:])
        elif s[0].isdigit() and ". " in s:
            if para or (lst and lst[0] != "ol"):
                flush()
            lst = lst or ("ol", [])
            lst[1].append(s.split(". ", 1)[1])
        else:
            para.append(s)
    flush()
    return "\n".join(html)
out = convert(DOC)
print(out)
print(len(out.splitlines()), out.count("<li>"), out.count("&lt;"))
