"""urllib.parse: split URLs into components and join them back (RFC 3986 with the lenient rules of
CPython's parser), resolve relative URLs, and percent-encode or decode strings and query strings.

str and bytes arguments are accepted (not mixed); the results of bytes arguments are the *Bytes
result types, whose components are ASCII bytes.
"""

from collections import namedtuple

__all__ = ["urlparse", "urlunparse", "urljoin", "urldefrag", "urlsplit", "urlunsplit", "urlencode",
           "parse_qs", "parse_qsl", "quote", "quote_plus", "quote_from_bytes", "unquote",
           "unquote_plus", "unquote_to_bytes", "DefragResult", "ParseResult", "SplitResult",
           "DefragResultBytes", "ParseResultBytes", "SplitResultBytes"]

# The schemes whose URLs take part in relative resolution, have a //netloc part, or ;params.
uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https', 'shttp', 'mms',
                 'prospero', 'rtsp', 'rtsps', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms', 'https',
               'shttp', 'snews', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'rsync', 'svn', 'svn+ssh', 'sftp',
               'nfs', 'git', 'git+ssh', 'ws', 'wss', 'itms-services']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtsps',
               'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']
non_hierarchical = ['gopher', 'hdl', 'mailto', 'news', 'telnet', 'wais', 'imap', 'snews', 'sip', 'sips']
uses_query = ['', 'http', 'wais', 'imap', 'https', 'shttp', 'mms', 'gopher', 'rtsp', 'rtsps', 'rtspu',
              'sip', 'sips']
uses_fragment = ['', 'ftp', 'hdl', 'http', 'gopher', 'news', 'nntp', 'wais', 'https', 'shttp', 'snews',
                 'file', 'prospero']

scheme_chars = ('abcdefghijklmnopqrstuvwxyz' 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' '0123456789' '+-.')

# Leading C0 controls and spaces are stripped (WHATWG); tab, CR and LF are removed anywhere.
_C0_CONTROL_OR_SPACE = ''.join(chr(i) for i in range(0x21))
_UNSAFE_CHARS = '\t\r\n'


# ---- str/bytes coercion -----------------------------------------------------------------------

def _to_str(args):
    """The arguments as str and whether they were bytes (ASCII only; mixing str and bytes is an
    error, as is any non-ASCII byte)."""
    is_str = None
    for arg in args:
        if arg is None or arg == '' or arg == b'':
            continue
        kind = isinstance(arg, str)
        if is_str is None:
            is_str = kind
        elif is_str != kind:
            raise TypeError("Cannot mix str and non-str arguments")
    if is_str is None:
        is_str = not any(isinstance(a, (bytes, bytearray)) for a in args)
    if is_str:
        return args, False
    out = []
    for arg in args:
        if arg is None or isinstance(arg, str):
            out.append(arg if arg is None else '')
        else:
            out.append(bytes(arg).decode('ascii', 'strict'))
    return tuple(out), True


class _NetlocMixin:
    """username, password, hostname and port from the netloc component."""
    __slots__ = ()

    def _netloc_str(self):
        netloc = self.netloc
        return netloc.decode('ascii') if isinstance(netloc, bytes) else netloc

    def _back(self, value):
        if value is not None and isinstance(self.netloc, bytes):
            return value.encode('ascii')
        return value

    def _userinfo(self):
        userinfo, have_info, _ = self._netloc_str().rpartition('@')
        if not have_info:
            return None, None
        username, have_password, password = userinfo.partition(':')
        return username, (password if have_password else None)

    def _hostinfo(self):
        hostinfo = self._netloc_str().rpartition('@')[2]
        _, open_bracket, bracketed = hostinfo.partition('[')
        if open_bracket:
            hostname, _, rest = bracketed.partition(']')
            port = rest.partition(':')[2]
        else:
            hostname, _, port = hostinfo.partition(':')
        return hostname, (port or None)

    @property
    def username(self):
        return self._back(self._userinfo()[0])

    @property
    def password(self):
        return self._back(self._userinfo()[1])

    @property
    def hostname(self):
        hostname = self._hostinfo()[0]
        if not hostname:
            return None
        # Lower-case the host but not an IPv6 zone id after '%'.
        host, percent, zone = hostname.partition('%')
        return self._back(host.lower() + percent + zone)

    @property
    def port(self):
        port = self._hostinfo()[1]
        if port is None:
            return None
        if not (port.isdigit() and port.isascii()):
            raise ValueError(f"Port could not be cast to integer value as {port!r}")
        port = int(port)
        if not 0 <= port <= 65535:
            raise ValueError("Port out of range 0-65535")
        return port


class DefragResult(namedtuple('DefragResult', 'url fragment')):
    __slots__ = ()

    def geturl(self):
        return self.url + '#' + self.fragment if self.fragment else self.url

    def encode(self, encoding='ascii', errors='strict'):
        return DefragResultBytes(*(x.encode(encoding, errors) for x in self))


class SplitResult(namedtuple('SplitResult', 'scheme netloc path query fragment'), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)

    def encode(self, encoding='ascii', errors='strict'):
        return SplitResultBytes(*(x.encode(encoding, errors) for x in self))


class ParseResult(namedtuple('ParseResult', 'scheme netloc path params query fragment'), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)

    def encode(self, encoding='ascii', errors='strict'):
        return ParseResultBytes(*(x.encode(encoding, errors) for x in self))


class DefragResultBytes(namedtuple('DefragResultBytes', 'url fragment')):
    __slots__ = ()

    def geturl(self):
        return self.url + b'#' + self.fragment if self.fragment else self.url

    def decode(self, encoding='ascii', errors='strict'):
        return DefragResult(*(x.decode(encoding, errors) for x in self))


class SplitResultBytes(namedtuple('SplitResultBytes', 'scheme netloc path query fragment'), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)

    def decode(self, encoding='ascii', errors='strict'):
        return SplitResult(*(x.decode(encoding, errors) for x in self))


class ParseResultBytes(namedtuple('ParseResultBytes', 'scheme netloc path params query fragment'),
                       _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)

    def decode(self, encoding='ascii', errors='strict'):
        return ParseResult(*(x.decode(encoding, errors) for x in self))


# ---- splitting and joining --------------------------------------------------------------------

def _split_netloc(url, start=0):
    # The authority runs from start to the first '/', '?' or '#'.
    end = len(url)
    for c in '/?#':
        i = url.find(c, start)
        if 0 <= i < end:
            end = i
    return url[start:end], url[end:]


def _check_bracketed_host(netloc):
    hostinfo = netloc.rpartition('@')[2]
    _, _, bracketed = hostinfo.partition('[')
    host = bracketed.partition(']')[0]
    if host.startswith('v'):
        import re
        if not re.match(r"\Av[a-fA-F0-9]+\..+\Z", host):
            raise ValueError("IPvFuture address is invalid")
        return
    _check_ipv6(host.partition('%')[0])


def _check_ipv6(host):
    # Enough of ipaddress.IPv6Address's validation to refuse what it refuses.
    if not host:
        raise ValueError(f"{host!r} does not appear to be an IPv4 or IPv6 address")
    parts = host.split(':')
    if '.' in parts[-1]:
        octets = parts[-1].split('.')
        if len(octets) != 4 or not all(o.isdigit() and o.isascii() and int(o) < 256 for o in octets):
            raise ValueError(f"{host!r} does not appear to be an IPv4 or IPv6 address")
        parts[-1:] = ['0', '0']
    if host.count('::') > 1 or len(parts) > 8 or (len(parts) < 8 and '::' not in host) or len(parts) < 3:
        raise ValueError(f"{host!r} does not appear to be an IPv4 or IPv6 address")
    for p in parts:
        if len(p) > 4 or not all(c in '0123456789abcdefABCDEF' for c in p):
            raise ValueError(f"{host!r} does not appear to be an IPv4 or IPv6 address")


def _check_netloc(netloc):
    # A non-ASCII netloc must not decompose (NFKC) into URL delimiters; without unicodedata in Krait,
    # the check is limited to the fullwidth and compatibility forms of those delimiters.
    if not netloc or netloc.isascii():
        return
    n = netloc.replace('@', '').replace(':', '').replace('#', '').replace('?', '')
    for c in n:
        if c in '\uff03\uff0f\uff1a\uff1f\uff20\u2100\u2101\u2105\u2106\u2048\u2049\ufe56\ufe5f\ufe6b\ufe13':
            raise ValueError("netloc '" + netloc + "' contains invalid characters under NFKC "
                             "normalization")


def urlsplit(url, scheme='', allow_fragments=True):
    """Split a URL into 5 components: <scheme>://<netloc>/<path>?<query>#<fragment> (a SplitResult)."""
    (url, scheme), as_bytes = _to_str((url, scheme))
    url = url.lstrip(_C0_CONTROL_OR_SPACE)
    scheme = scheme.strip(_C0_CONTROL_OR_SPACE)
    for c in _UNSAFE_CHARS:
        url = url.replace(c, '')
        scheme = scheme.replace(c, '')
    netloc = query = fragment = ''
    i = url.find(':')
    if i > 0 and url[0].isascii() and url[0].isalpha():
        for c in url[:i]:
            if c not in scheme_chars:
                break
        else:
            scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == '//':
        netloc, url = _split_netloc(url, 2)
        if ('[' in netloc) != (']' in netloc):
            raise ValueError("Invalid IPv6 URL")
        if '[' in netloc:
            _check_bracketed_host(netloc)
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    _check_netloc(netloc)
    if as_bytes:
        return SplitResultBytes(*(x.encode('ascii') for x in (scheme, netloc, url, query, fragment)))
    return SplitResult(scheme, netloc, url, query, fragment)


def _split_params(url):
    # ;params belong to the last path segment.
    if '/' in url:
        i = url.find(';', url.rfind('/'))
        if i < 0:
            return url, ''
    else:
        i = url.find(';')
    return url[:i], url[i + 1:]


def urlparse(url, scheme='', allow_fragments=True):
    """Split a URL into 6 components: <scheme>://<netloc>/<path>;<params>?<query>#<fragment>
    (a ParseResult)."""
    as_bytes = isinstance(url, (bytes, bytearray))
    parts = urlsplit(url, scheme, allow_fragments)
    if as_bytes:
        parts = parts.decode()
    scheme, netloc, url, query, fragment = parts
    params = ''
    if scheme in uses_params and ';' in url:
        url, params = _split_params(url)
    if as_bytes:
        return ParseResultBytes(*(x.encode('ascii') for x in (scheme, netloc, url, params, query, fragment)))
    return ParseResult(scheme, netloc, url, params, query, fragment)


def urlunsplit(components):
    """The URL of a 5-item (scheme, netloc, path, query, fragment) sequence, as urlsplit() splits it
    (equivalent, possibly with redundant delimiters dropped)."""
    (scheme, netloc, url, query, fragment), as_bytes = _to_str(tuple(components))
    if netloc:
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + netloc + url
    elif url[:2] == '//':
        url = '//' + url
    elif scheme and scheme in uses_netloc and (not url or url[:1] == '/'):
        url = '//' + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return url.encode('ascii') if as_bytes else url


def urlunparse(components):
    """The URL of a 6-item (scheme, netloc, path, params, query, fragment) sequence."""
    (scheme, netloc, url, params, query, fragment), as_bytes = _to_str(tuple(components))
    if params:
        url = "%s;%s" % (url, params)
    result = urlunsplit((scheme, netloc, url, query, fragment))
    return result.encode('ascii') if as_bytes else result


def urljoin(base, url, allow_fragments=True):
    """Resolve url against base (RFC 3986 section 5.2; '..' never climbs above the root)."""
    if not base:
        return url
    if not url:
        return base
    (base, url), as_bytes = _to_str((base, url))
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)

    def done(result):
        return result.encode('ascii') if as_bytes else result

    if scheme != bscheme or scheme not in uses_relative:
        return done(url)
    if scheme in uses_netloc:
        if netloc:
            return done(urlunparse((scheme, netloc, path, params, query, fragment)))
        netloc = bnetloc
    if not path and not params:
        path = bpath
        params = bparams
        if not query:
            query = bquery
        return done(urlunparse((scheme, netloc, path, params, query, fragment)))

    if path[:1] == '/':
        segments = path.split('/')
    else:
        # Merge: the base path without its last segment, then the reference's path; the empty
        # segments inside the merged path are dropped.
        base_segments = bpath.split('/')
        if base_segments[-1] != '':
            base_segments.pop()
        segments = base_segments + path.split('/')
        segments[1:-1] = [s for s in segments[1:-1] if s]
    out = []
    for seg in segments:
        if seg == '..':
            if out:
                out.pop()
        elif seg != '.':
            out.append(seg)
    if segments[-1] in ('.', '..'):
        out.append('')
    return done(urlunparse((scheme, netloc, '/'.join(out) or '/', params, query, fragment)))


def urldefrag(url):
    """The URL without its fragment, and the fragment (a DefragResult)."""
    (url,), as_bytes = _to_str((url,))
    if '#' in url:
        s, n, p, a, q, frag = urlparse(url)
        defrag = urlunparse((s, n, p, a, q, ''))
    else:
        frag = ''
        defrag = url
    if as_bytes:
        return DefragResultBytes(defrag.encode('ascii'), frag.encode('ascii'))
    return DefragResult(defrag, frag)


# ---- percent-encoding -------------------------------------------------------------------------

_HEX = '0123456789abcdefABCDEF'
_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~')


def unquote_to_bytes(string):
    """The bytes of a %-encoded string (invalid escapes are kept as they are)."""
    if not string:
        if isinstance(string, str):
            return b''
        return bytes(string) if string is not None else b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    string = bytes(string)
    pieces = string.split(b'%')
    if len(pieces) == 1:
        return string
    out = bytearray(pieces[0])
    for piece in pieces[1:]:
        h = piece[:2]
        if len(h) == 2 and h[0] in b'0123456789abcdefABCDEF' and h[1] in b'0123456789abcdefABCDEF':
            out.append(int(h, 16))
            out += piece[2:]
        else:
            out += b'%'
            out += piece
    return bytes(out)


def unquote(string, encoding='utf-8', errors='replace'):
    """Replace %xx escapes by the characters they encode (the bytes decoded with encoding)."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if '%' not in string:
        string.split      # a str is required
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    # The escapes lie in ASCII runs: each run's bytes are decoded together; other characters stay.
    out = []
    start = 0
    n = len(string)
    while start < n:
        end = start
        ascii_run = string[start] < '\x80'
        while end < n and (string[end] < '\x80') == ascii_run:
            end += 1
        chunk = string[start:end]
        out.append(unquote_to_bytes(chunk).decode(encoding, errors) if ascii_run else chunk)
        start = end
    return ''.join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """unquote() after replacing '+' by space (HTML form values)."""
    string = string.replace('+', ' ')
    return unquote(string, encoding, errors)


def quote_from_bytes(bs, safe='/'):
    """The %-encoding of bytes: the unreserved characters and those in safe kept."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError("quote_from_bytes() expected bytes")
    if not bs:
        return ''
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    else:
        safe = bytes(c for c in safe if c < 128)
    keep = _ALWAYS_SAFE | frozenset(safe)
    return ''.join(chr(b) if b in keep else '%{:02X}'.format(b) for b in bs)


def quote(string, safe='/', encoding=None, errors=None):
    """%-encode string (str encoded with encoding, UTF-8 by default): letters, digits, '_.-~' and the
    characters of safe are kept."""
    if isinstance(string, str):
        if not string:
            return string
        if encoding is None:
            encoding = 'utf-8'
        if errors is None:
            errors = 'strict'
        string = string.encode(encoding, errors)
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    """quote() with spaces encoded as '+' (HTML form values); '/' is not safe by default."""
    if ((isinstance(string, str) and ' ' not in string) or
            (isinstance(string, (bytes, bytearray)) and b' ' not in string)):
        return quote(string, safe, encoding, errors)
    space = ' ' if isinstance(safe, str) else b' '
    string = quote(string, safe + space, encoding, errors)
    return string.replace(' ', '+')


def _quote_any(quote_via, value, safe, encoding, errors):
    if isinstance(value, (bytes, bytearray)):
        return quote_via(value, safe)
    return quote_via(str(value), safe, encoding, errors)


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    """A mapping or sequence of (key, value) pairs as a 'k=v&k2=v2' query string; with doseq, a
    sequence value gives one k=v pair per item."""
    if hasattr(query, "items"):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError("not a valid non-string sequence or mapping object") from err
    pairs = []
    for k, v in query:
        k = _quote_any(quote_via, k, safe, encoding, errors)
        if not doseq or isinstance(v, (str, bytes, bytearray)):
            pairs.append(k + '=' + _quote_any(quote_via, v, safe, encoding, errors))
            continue
        try:
            len(v)
        except TypeError:
            pairs.append(k + '=' + _quote_any(quote_via, v, safe, encoding, errors))
        else:
            for item in v:
                pairs.append(k + '=' + _quote_any(quote_via, item, safe, encoding, errors))
    return '&'.join(pairs)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8', errors='replace',
              max_num_fields=None, separator='&'):
    """The (name, value) pairs of a query string, unquoted, in order."""
    if not qs:
        return []
    as_bytes = isinstance(qs, (bytes, bytearray))
    if as_bytes:
        qs = bytes(qs).decode('ascii')
        if isinstance(separator, (bytes, bytearray)):
            separator = bytes(separator).decode('ascii')
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError("Separator must be of type string or bytes.")
    if isinstance(separator, bytes):
        separator = separator.decode('ascii')
    if max_num_fields is not None:
        if max_num_fields < 1 + qs.count(separator):
            raise ValueError('Max number of fields exceeded')
    result = []
    for field in qs.split(separator):
        if not field and not strict_parsing:
            continue
        name, eq, value = field.partition('=')
        if not eq:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
        if value or keep_blank_values:
            if as_bytes:
                name = unquote_to_bytes(name.replace('+', ' '))
                value = unquote_to_bytes(value.replace('+', ' '))
            else:
                name = unquote(name.replace('+', ' '), encoding, errors)
                value = unquote(value.replace('+', ' '), encoding, errors)
            result.append((name, value))
    return result


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8', errors='replace',
             max_num_fields=None, separator='&'):
    """A query string as a dict: name -> list of its values."""
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding=encoding,
                                 errors=errors, max_num_fields=max_num_fields, separator=separator):
        result.setdefault(name, []).append(value)
    return result
