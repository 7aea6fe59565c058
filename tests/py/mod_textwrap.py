# textwrap: wrap, fill, shorten, dedent, indent and TextWrapper options.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen "
        "liquor jugs! A well-known, long-term, state-of-the-art solution -- really.")
for width in (10, 20, 35, 70):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap("Supercalifragilisticexpialidocious word", 10))
print(textwrap.wrap("Supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(textwrap.wrap("a  b   c", 3, drop_whitespace=False))
print(textwrap.wrap("tab\tseparated\ttext", 12))
print(textwrap.wrap("tab\tseparated", 40, expand_tabs=False, replace_whitespace=False))
print(textwrap.wrap("line one\nline two", 40))
print(textwrap.fill("Hello there. How are you? Fine.", 40, fix_sentence_endings=True))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10))
print(textwrap.wrap(text, 30, max_lines=2))
print(textwrap.wrap(text, 30, max_lines=3, placeholder=" ..."))

print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world", width=10, placeholder="..."))
print(textwrap.shorten(text, 40))

w = textwrap.TextWrapper(width=15, initial_indent="> ")
print(w.wrap("some words to wrap around here"))
print(w.fill("x"))
for bad in [lambda: textwrap.wrap("abc", 0), lambda: textwrap.shorten("a b c", 3, placeholder=" [...]")]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)

doc = """\
    def f():
        return 1

      # odd comment
    end
"""
print(repr(textwrap.dedent(doc)))
print(repr(textwrap.dedent("  a\n\t b\n")))
print(repr(textwrap.dedent("   \n  x\n  y\n    \n")))
print(repr(textwrap.dedent("no indent\n  indented\n")))
print(repr(textwrap.dedent("")))
print(repr(textwrap.indent("one\n\ntwo\n  three\n", "> ")))
print(repr(textwrap.indent("one\n\ntwo\n", "+", lambda line: True)))
print(repr(textwrap.indent("a\r\nb\r\n", "-")))
