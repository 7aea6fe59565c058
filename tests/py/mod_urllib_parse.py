"""urllib.parse: urlparse/urlsplit/unsplit/unparse, netloc attributes, urljoin (RFC 3986 examples), quoting, urlencode, parse_qs(l)."""
from urllib.parse import *
import urllib.parse as up
urls = ['http://user:pw@Example.COM:8080/p/a/t/h;params?query=1&b=2#frag', 'https://[::1]:443/x', 'http://[fe80::1%25eth0]/',
        'ftp://ftp.is.co.za/rfc/rfc1808.txt', 'mailto:John.Doe@example.com', 'news:comp.infosystems.www.servers.unix',
        'tel:+1-816-555-1212', 'urn:oasis:names:specification:docbook:dtd:xml:4.1.2', '//host/path', 'path/only?q#f',
        '  \t http://a.b/c\n d', 'HTTP://X.Y/Z', 'file:///etc/passwd', 'a1+-.:rest', '1abc:x', 'http://host:abc/', 'http://host:99999/',
        'http://h/;p', 'http:/x', 'http:', '', '#f', '?q', 'http://a/b/c;x;y?q', 'svn+ssh://host/repo', 'http://user@host', 'http://:@h:/', 'http://h:0/',
        'http://[v1.fe]/', 'HtTp://WWW.a.COM/%7Euser']
for u in urls:
    p = urlparse(u); s = urlsplit(u)
    print(repr(u), p, s)
    try: print('  ', p.username, p.password, p.hostname, p.port, p.geturl(), s.geturl(), urlunparse(p), urlunsplit(s))
    except ValueError as e: print('  ValueError', e)
for bad in ['http://[::1/', 'http://::1]/', 'http://[zz]/', 'http://[v1]/', 'http://[1:2:3]/']:
    try: print(urlsplit(bad))
    except ValueError as e: print('ValueError', e)
print(urlparse('x', 'http'), urlparse('//a/b', 'https'), urlsplit('http://a/b#c', allow_fragments=False))
print(urlparse(b'http://h:80/p;q?x#y'), urlparse(b'http://h:80/p').hostname, urlparse(b'http://h:80/p').port, urlsplit(b'http://u@h').username)
print(urlunsplit(('http', '', '/p', '', '')), urlunsplit(('http', '', 'p', '', '')), urlunsplit(('', '', '//p', '', '')), urlunsplit(('mailto', '', 'x@y', 'q', 'f')), urlunsplit(('file', '', '', '', '')), urlunsplit(('http', 'h', 'p', '', '')))
base = 'http://a/b/c/d;p?q'
for rel in ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', 'g;x?y#s', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g',
            '../../../g', '../../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.', 'g/./h', 'g/../h', 'g;x=1/./y', 'g;x=1/../y', 'g?y/./x', 'g?y/../x', 'g#s/./x', 'g#s/../x', 'http:g', 'http:', 'https:g', 'a//b', '//h/../x']:
    print(repr(rel), urljoin(base, rel))
print(urljoin('http://a/b/', '../../x'), urljoin('', 'x'), urljoin('http://a', ''), urljoin('mailto:x', 'y'), urljoin('http://a/b//c/d', 'e'), urljoin(b'http://a/b', b'c'), urljoin('http://a/b', 'c', allow_fragments=False))
print(urldefrag('http://a/b#frag'), urldefrag('http://a/b'), urldefrag(b'x#y'), urldefrag('http://a/b#frag').geturl())
for s in ['abc def', 'a/b?c=d&e', '~_.-', 'é€😀', '', '%', 'a+b']:
    print(repr(quote(s)), repr(quote(s, safe='')), repr(quote_plus(s)), repr(quote_plus(s, safe='/')), repr(quote(s, safe='?&=')))
print(quote(b'\x00\xff a'), quote('é', encoding='latin-1'), quote_from_bytes(b'a b/'), quote_plus(b'a b'), quote('é', errors='ignore', encoding='ascii'))
for f in [lambda: quote(b'x', encoding='utf-8'), lambda: quote_from_bytes('x'), lambda: quote(5)]:
    try: print(f())
    except TypeError as e: print('TypeError', e)
for s in ['abc%20def', '%e9', '%C3%A9%zz%4', 'a+b%2B', '%E2%82%AC and é %41', '%', '%%', 'no escapes', '%F0%9F%98%80']:
    print(repr(unquote(s)), repr(unquote_plus(s)), unquote_to_bytes(s), repr(unquote(s, errors='strict') if '%e9' != s and '%C3%A9%zz%4' != s else ''), repr(unquote(s, encoding='latin-1')))
print(unquote(b'%41%42'), unquote_to_bytes(''), unquote_to_bytes(b'%2'), unquote_to_bytes('é%41'))
print(urlencode({'a': 1, 'b': 'x y', 'c': ['1', '2'], 'd': b'\xff'}), urlencode([('a', '1'), ('a', '2')]), urlencode({'c': ['1', '2'], 'e': 5, 'f': (3,)}, doseq=True))
print(urlencode({'k/': 'v/'}, safe='/'), urlencode({'k': 'é'}, encoding='latin-1'), urlencode({'k': 'a b'}, quote_via=quote), urlencode([]), urlencode({}))
for q in [5, 'abc', [1, 2]]:
    try: print(urlencode(q))
    except TypeError as e: print('TypeError', e)
for qs in ['a=1&b=2&a=3', 'a=1&&b=', 'a', 'a=x+y&b=%20%2B', '=v', 'a=1;b=2', '', 'a=%e9', 'a=1&a=2&a']:
    print(repr(qs), parse_qsl(qs), parse_qsl(qs, keep_blank_values=True), parse_qs(qs), parse_qs(qs, True))
print(parse_qsl('a=1;b=2', separator=';'), parse_qsl(b'a=1&b=%ff+'), parse_qs(b'a=1&a=2'))
for f in [lambda: parse_qsl('a&b=1', strict_parsing=True), lambda: parse_qsl('a=1&&b=2', strict_parsing=True), lambda: parse_qsl('a=1&b=2&c=3', max_num_fields=2),
          lambda: parse_qsl('a=1', separator=''), lambda: parse_qsl('a=1', separator=5), lambda: urlparse('http://a', b'x')]:
    try: print(f())
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
p = urlparse('http://a/b?c'); print(p._replace(query='z').geturl(), p.encode(), p.encode().decode() == p, p.scheme, p[1], len(p), tuple(p))
print(SplitResult('http', 'h', '/p', '', '').geturl(), ParseResult._fields, up.uses_netloc[:3], 'http' in up.uses_relative)
