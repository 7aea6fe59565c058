# traceback.print_stack / format_stack / extract_stack / walk_stack
import io
import sys
import traceback


def show(text):
    print(text.replace(__file__, 'FILE'), end='')


def inner():
    buf = io.StringIO()
    traceback.print_stack(file=buf)
    show(buf.getvalue())
    show(''.join(traceback.format_stack(limit=2)))
    s = traceback.extract_stack()
    print([(fs.name, fs.lineno) for fs in s], s[-1].line, len(s))
    print([(f.f_code.co_name, n) for f, n in traceback.walk_stack(sys._getframe())])
    print([fs.name for fs in traceback.extract_stack(sys._getframe(1))])


def outer():
    inner()


outer()
buf = io.StringIO()
traceback.print_stack(limit=1, file=buf)
show(buf.getvalue())
print(traceback.extract_stack(limit=0))
