"""Runner.timeit(): build a timing function from statement strings or callables, like the timeit
module: the setup runs once per timed loop, the statement loops times, then the teardown."""
import time

_TEMPLATE = '''def inner(_it, _timer{init}):
{setup}
    _t0 = _timer()
    for _i in _it:
{stmt}
    _t1 = _timer()
{teardown}
    return _t1 - _t0
'''


def _reindent(src, indent):
    return src.replace('\n', '\n' + ' ' * indent)


def _code_part(code, name, indent, local_ns, init_parts):
    """The source text for one part (str: the code itself; callable: a call of it)."""
    if isinstance(code, str):
        if not code.strip():
            code = 'pass'
        return ' ' * indent + _reindent(code.strip('\n'), indent)
    if callable(code):
        local_ns[name] = code
        init_parts.append(', %s=%s' % (name, name))
        return ' ' * indent + name + '()'
    raise ValueError('%s is neither a string nor callable' % name.lstrip('_'))


def make_timer(stmt, setup, teardown, inner_loops, duplicate, globals_ns):
    """Return (time_func(loops) -> seconds, inner_loops)."""
    if duplicate is not None and (not isinstance(duplicate, int) or duplicate < 1):
        raise ValueError('duplicate must be an int >= 1')
    local_ns = {}
    init_parts = []
    stmt_src = _code_part(stmt, '_stmt', 8, local_ns, init_parts)
    if duplicate and duplicate > 1:
        stmt_src = '\n'.join([stmt_src] * duplicate)
        inner_loops = (inner_loops or 1) * duplicate
    setup_src = _code_part(setup, '_setup', 4, local_ns, init_parts)
    teardown_src = _code_part(teardown, '_teardown', 4, local_ns, init_parts)
    src = _TEMPLATE.format(init=''.join(init_parts), setup=setup_src, stmt=stmt_src,
                           teardown=teardown_src)
    global_ns = {} if globals_ns is None else globals_ns
    namespace = dict(local_ns)
    exec(src, global_ns, namespace)
    inner = namespace['inner']
    timer = time.perf_counter

    def time_func(loops):
        return inner(range(loops), timer)
    return time_func, inner_loops
