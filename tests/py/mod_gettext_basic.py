# gettext: .mo files written here (both byte orders), plural forms, contexts, fallbacks, translation()
# lookup through LANGUAGE/localedir, NullTranslations, install(), module-level functions.
import builtins
import gettext
import io
import os
import struct
import tempfile

def make_mo(entries, big_endian=False):
    """entries: {msgid: msgstr}; keys/values may contain NUL (plural) and \\x04 (context)."""
    order = '>' if big_endian else '<'
    keys = sorted(entries)
    ids = [k.encode('utf-8') for k in keys]
    strs = [entries[k].encode('utf-8') for k in keys]
    n = len(keys)
    start = 7 * 4 + 16 * n
    offsets = []
    data = b''
    for s in ids + strs:
        offsets.append((len(s), start + len(data)))
        data += s + b'\x00'
    head = struct.pack(order + 'Iiiiiii', 0x950412de, 0, n, 7 * 4, 7 * 4 + 8 * n, 0, 0)
    table = b''.join(struct.pack(order + 'ii', *o) for o in offsets)
    return head + table + data

HEADER = ('Project-Id-Version: demo 1.0\nContent-Type: text/plain; charset=UTF-8\n'
          'Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
          '(n%100<10 || n%100>=20) ? 1 : 2);\nX-Multi: first\n continued\n')
ru = {'': HEADER, 'Hello': 'Привет', 'file\x00files': 'файл\x00файла\x00файлов',
      'menu\x04Open': 'Открыть (меню)', 'Open': 'Открыть',
      'menu\x04item\x00items': 'пункт\x00пункта\x00пунктов'}
de = {'': 'Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=n != 1;\n',
      'Hello': 'Hallo', 'Bye': 'Tschüss', 'file\x00files': 'Datei\x00Dateien'}

t = gettext.GNUTranslations(io.BytesIO(make_mo(ru)))
print(t.gettext('Hello'), t.gettext('Open'), t.gettext('missing'), t.charset())
print(sorted(t.info().items()))
print([t.ngettext('file', 'files', n) for n in (0, 1, 2, 4, 5, 11, 12, 21, 22, 25, 101, 111)])
print(t.pgettext('menu', 'Open'), t.pgettext('other', 'Open'), t.npgettext('menu', 'item', 'items', 3),
      t.npgettext('x', 'item', 'items', 1), t.ngettext('a', 'b', 1), t.ngettext('a', 'b', 7))
tb = gettext.GNUTranslations(io.BytesIO(make_mo(de, big_endian=True)))
print(tb.gettext('Hello'), tb.ngettext('file', 'files', 1), tb.ngettext('file', 'files', 2), tb.gettext('Bye'))
t.add_fallback(tb)
print(t.gettext('Bye'), t.gettext('none'), t.ngettext('x', 'xs', 1), t.pgettext('c', 'Bye'))
for bad in [b'\x00\x00\x00\x00' * 8, b'\xde\x12\x04\x95' + b'\x00\x00\x05\x00' + b'\x00' * 20,
            struct.pack('<Iiiiiii', 0x950412de, 0, 1, 28, 36, 0, 0) + struct.pack('<ii', 5, 900) * 2]:
    try:
        gettext.GNUTranslations(io.BytesIO(bad))
    except OSError as e:
        print('OSError', e.errno, e.strerror)
try:
    t.ngettext('file', 'files', 'x')
except TypeError as e:
    print('TypeError', e)

n = gettext.NullTranslations()
print(n.gettext('x'), n.ngettext('one', 'many', 1), n.ngettext('one', 'many', 2), n.pgettext('c', 'm'),
      n.npgettext('c', 'a', 'b', 5), n.info(), n.charset())
n.add_fallback(tb)
print(n.gettext('Hello'), n.ngettext('file', 'files', 3))

for expr, values in [('n != 1', [0, 1, 2]), ('n>1', [0, 1, 2]), ('0', [1, 5]),
                     ('n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2', [0, 1, 2, 11, 21]),
                     ('(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2', [1, 3, 5]),
                     ('n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5',
                      [0, 1, 2, 3, 11, 100, 102]), ('!(n - 1)', [1, 2]), ('n / 2 * 2 - n + 1', [3, 4])]:
    f = gettext.c2py(expr)
    print(expr, [f(v) for v in values])
for expr in ['-n', 'n - -1', 'n +', '(n', 'n)', 'os.system(1)', 'n ? 1', '']:
    try:
        gettext.c2py(expr)(1)
        print('accepted', repr(expr))
    except (ValueError, SyntaxError) as e:
        print('rejected', repr(expr), type(e).__name__)

with tempfile.TemporaryDirectory() as d:
    for lang, cat in [('ru', ru), ('de', de)]:
        os.makedirs(os.path.join(d, lang, 'LC_MESSAGES'))
        with open(os.path.join(d, lang, 'LC_MESSAGES', 'app.mo'), 'wb') as f:
            f.write(make_mo(cat))
    rel = lambda p: os.path.relpath(p, d) if isinstance(p, str) else p
    print(rel(gettext.find('app', d, ['ru'])), gettext.find('app', d, ['fr']),
          [rel(p) for p in gettext.find('app', d, ['fr', 'de_DE.UTF-8', 'ru'], all=True)])
    os.environ['LANGUAGE'] = 'de:ru'
    print(rel(gettext.find('app', d)))
    tr = gettext.translation('app', d)
    print(type(tr).__name__, tr.gettext('Hello'), tr.gettext('Open'), tr.ngettext('file', 'files', 5))
    tr2 = gettext.translation('app', d, languages=['ru', 'de'])
    print(tr2.gettext('Bye'), tr2.ngettext('file', 'files', 5))
    print(type(gettext.translation('app', d, ['fr'], fallback=True)).__name__)
    try:
        gettext.translation('app', d, ['fr'])
    except FileNotFoundError as e:
        print('FileNotFoundError', e.errno, e.strerror, e.filename)
    gettext.bindtextdomain('app', d)
    print(rel(gettext.bindtextdomain('app')), gettext.textdomain(), gettext.textdomain('app'))
    print(gettext.gettext('Hello'), gettext.ngettext('file', 'files', 2), gettext.dgettext('nodomain', 'Hello'),
          gettext.dngettext('nodomain', 'a', 'b', 2), gettext.pgettext('menu', 'Open'),
          gettext.npgettext('menu', 'item', 'items', 2), gettext.dpgettext('app', 'c', 'Bye'))
    gettext.install('app', d, names=['ngettext'])
    print(_('Hello'), builtins.ngettext('file', 'files', 1))
    del builtins._, builtins.ngettext
    with open(os.path.join(d, 'de', 'LC_MESSAGES', 'app.mo'), 'rb') as f:
        g = gettext.GNUTranslations(f)
        print(g.gettext('Bye'))
    gettext.textdomain('messages')
