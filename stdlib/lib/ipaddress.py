"""ipaddress: IPv4/IPv6 addresses, networks and interfaces (Krait's own implementation).

Values are kept as Python ints (``_ip``); the classes only differ in width,
text syntax and the special-purpose ranges.  Parsing errors and their messages
follow CPython 3.13 (AddressValueError / NetmaskValueError, both ValueError).
"""

import functools

__all__ = ['IPV4LENGTH', 'IPV6LENGTH', 'AddressValueError', 'NetmaskValueError',
           'ip_address', 'ip_network', 'ip_interface', 'v4_int_to_packed',
           'v6_int_to_packed', 'summarize_address_range', 'collapse_addresses',
           'get_mixed_type_key', 'IPv4Address', 'IPv4Network', 'IPv4Interface',
           'IPv6Address', 'IPv6Network', 'IPv6Interface']

IPV4LENGTH = 32
IPV6LENGTH = 128


class AddressValueError(ValueError):
    """A malformed address."""


class NetmaskValueError(ValueError):
    """A malformed netmask or prefix length."""


def ip_address(address):
    for cls in (IPv4Address, IPv6Address):
        try:
            return cls(address)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError(f'{address!r} does not appear to be an IPv4 or IPv6 address')


def ip_network(address, strict=True):
    for cls in (IPv4Network, IPv6Network):
        try:
            return cls(address, strict)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError(f'{address!r} does not appear to be an IPv4 or IPv6 network')


def ip_interface(address):
    for cls in (IPv4Interface, IPv6Interface):
        try:
            return cls(address)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError(f'{address!r} does not appear to be an IPv4 or IPv6 interface')


def v4_int_to_packed(address):
    try:
        return address.to_bytes(4, 'big')
    except OverflowError:
        raise ValueError("Address negative or too large for IPv4")


def v6_int_to_packed(address):
    try:
        return address.to_bytes(16, 'big')
    except OverflowError:
        raise ValueError("Address negative or too large for IPv6")


def _split_optional_netmask(address):
    parts = str(address).split('/')
    if len(parts) > 2:
        raise AddressValueError(f"Only one '/' permitted in {address!r}")
    return parts


def _trailing_zeros(number, bits):
    if number == 0:
        return bits
    return min(bits, (~number & (number - 1)).bit_length())


def _same_version(a, b):
    if a._version != b._version:
        raise TypeError("%s and %s are not of the same version" % (a, b))


def summarize_address_range(first, last):
    if not (isinstance(first, _BaseAddress) and isinstance(last, _BaseAddress)):
        raise TypeError('first and last must be IP addresses, not networks')
    _same_version(first, last)
    if first > last:
        raise ValueError('last IP address must be greater than first')
    net_class = IPv4Network if first._version == 4 else IPv6Network
    bits = first._max_prefixlen
    lo, hi = first._ip, last._ip
    # Greedy: the largest aligned block starting at lo that does not pass hi.
    while lo <= hi:
        nbits = min(_trailing_zeros(lo, bits), (hi - lo + 1).bit_length() - 1)
        yield net_class((lo, bits - nbits))
        lo += 1 << nbits
        if lo - 1 == net_class._ALL_ONES:
            break


def collapse_addresses(addresses):
    """The smallest sorted list of networks covering exactly the given addresses/networks."""
    singles = []
    nets = []
    for item in addresses:
        if isinstance(item, _BaseAddress):
            if singles and singles[-1]._version != item._version:
                raise TypeError("%s and %s are not of the same version" % (item, singles[-1]))
            singles.append(item)
        elif item._prefixlen == item._max_prefixlen:
            if singles and singles[-1]._version != item._version:
                raise TypeError("%s and %s are not of the same version" % (item, singles[-1]))
            try:
                singles.append(item.ip)
            except AttributeError:
                singles.append(item.network_address)
        else:
            if nets and nets[-1]._version != item._version:
                raise TypeError("%s and %s are not of the same version" % (item, nets[-1]))
            nets.append(item)
    # Merge as integer ranges (interfaces count as their address), then cover each
    # merged range with the fewest aligned blocks.
    ranges = [(a._ip, a._ip) for a in singles]
    ranges.extend((int(n.network_address), int(n.broadcast_address)) for n in nets)
    ranges.sort()
    merged = []
    for lo, hi in ranges:
        if merged and lo <= merged[-1][1] + 1:
            if hi > merged[-1][1]:
                merged[-1][1] = hi
        else:
            merged.append([lo, hi])
    if singles and nets and singles[0]._version != nets[0]._version:
        raise TypeError("%s and %s are not of the same version" % (nets[0], singles[0]))
    version = (singles or nets)[0]._version if (singles or nets) else 4
    addr_class = IPv4Address if version == 4 else IPv6Address
    out = []
    for lo, hi in merged:
        out.extend(summarize_address_range(addr_class(lo), addr_class(hi)))
    return iter(out)


def get_mixed_type_key(obj):
    if isinstance(obj, _BaseNetwork):
        return obj._get_networks_key()
    if isinstance(obj, _BaseAddress):
        return obj._get_address_key()
    return NotImplemented


# ------------------------------------------------------------ addresses

class _IPAddressBase:
    __slots__ = ()

    @property
    def exploded(self):
        return self._explode_shorthand_ip_string()

    @property
    def compressed(self):
        return str(self)

    @property
    def reverse_pointer(self):
        return self._reverse_pointer()

    @property
    def version(self):
        return self._version

    def _check_int_address(self, address):
        if address < 0:
            raise AddressValueError("%d (< 0) is not permitted as an IPv%d address"
                                    % (address, self._version))
        if address > self._ALL_ONES:
            raise AddressValueError("%d (>= 2**%d) is not permitted as an IPv%d address"
                                    % (address, self._max_prefixlen, self._version))

    def _check_packed_address(self, address, expected_len):
        if len(address) != expected_len:
            raise AddressValueError("%r (len %d != %d) is not permitted as an IPv%d address"
                                    % (address, len(address), expected_len, self._version))

    @classmethod
    def _ip_int_from_prefix(cls, prefixlen):
        return cls._ALL_ONES ^ (cls._ALL_ONES >> prefixlen)

    @classmethod
    def _prefix_from_ip_int(cls, ip_int):
        zeros = _trailing_zeros(ip_int, cls._max_prefixlen)
        prefixlen = cls._max_prefixlen - zeros
        if ip_int >> zeros != (1 << prefixlen) - 1:
            raise ValueError('Netmask pattern %r mixes zeroes & ones'
                             % ip_int.to_bytes(cls._max_prefixlen // 8, 'big'))
        return prefixlen

    @classmethod
    def _report_invalid_netmask(cls, netmask_str):
        raise NetmaskValueError('%r is not a valid netmask' % netmask_str) from None

    @classmethod
    def _prefix_from_prefix_string(cls, text):
        if not (text.isascii() and text.isdigit()):
            cls._report_invalid_netmask(text)
        prefixlen = int(text)
        if not 0 <= prefixlen <= cls._max_prefixlen:
            cls._report_invalid_netmask(text)
        return prefixlen

    @classmethod
    def _prefix_from_ip_string(cls, text):
        try:
            ip_int = cls._ip_int_from_string(text)
        except AddressValueError:
            cls._report_invalid_netmask(text)
        try:
            return cls._prefix_from_ip_int(ip_int)
        except ValueError:
            pass
        try:
            return cls._prefix_from_ip_int(ip_int ^ cls._ALL_ONES)
        except ValueError:
            cls._report_invalid_netmask(text)

    @classmethod
    def _split_addr_prefix(cls, address):
        if isinstance(address, (bytes, int)):
            return address, cls._max_prefixlen
        if not isinstance(address, tuple):
            address = _split_optional_netmask(address)
        if len(address) > 1:
            return address[0], address[1]
        return address[0], cls._max_prefixlen

    def __reduce__(self):
        return self.__class__, (str(self),)


@functools.total_ordering
class _BaseAddress(_IPAddressBase):
    __slots__ = ()

    def __int__(self):
        return self._ip

    def __eq__(self, other):
        try:
            return self._ip == other._ip and self._version == other._version
        except AttributeError:
            return NotImplemented

    def __lt__(self, other):
        if not isinstance(other, _BaseAddress):
            return NotImplemented
        _same_version(self, other)
        return self._ip < other._ip

    def __add__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) + other)

    def __sub__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) - other)

    def __repr__(self):
        return '%s(%r)' % (self.__class__.__name__, str(self))

    def __str__(self):
        return self._string_from_ip_int(self._ip)

    def __hash__(self):
        return hash(hex(int(self._ip)))

    def _get_address_key(self):
        return (self._version, self)

    def __format__(self, fmt):
        if not fmt or fmt[-1] == 's':
            return format(str(self), fmt)
        alt = fmt[:1] == '#'
        rest = fmt[1:] if alt else fmt
        group = rest[:1] == '_'
        if group:
            rest = rest[1:]
        if rest in ('b', 'n', 'x', 'X'):
            base = rest
            if base == 'n':
                base = 'b' if self._version == 4 else 'x'
            width = self._max_prefixlen if base == 'b' else self._max_prefixlen // 4
            if group:
                width += width // 4 - 1
            if alt:
                width += 2
            return format(int(self), '%s0%d%s%s' % ('#' if alt else '', width,
                                                      '_' if group else '', base))
        return super().__format__(fmt)


class IPv4Address(_BaseAddress):
    """A 32-bit address."""

    __slots__ = ('_ip', '__weakref__')
    _version = 4
    _max_prefixlen = IPV4LENGTH
    _ALL_ONES = (1 << IPV4LENGTH) - 1
    _netmask_cache = {}

    def __init__(self, address):
        if isinstance(address, int):
            self._check_int_address(address)
            self._ip = address
            return
        if isinstance(address, bytes):
            self._check_packed_address(address, 4)
            self._ip = int.from_bytes(address, 'big')
            return
        text = str(address)
        if '/' in text:
            raise AddressValueError(f"Unexpected '/' in {address!r}")
        self._ip = self._ip_int_from_string(text)

    @classmethod
    def _ip_int_from_string(cls, ip_str):
        if not ip_str:
            raise AddressValueError('Address cannot be empty')
        octets = ip_str.split('.')
        if len(octets) != 4:
            raise AddressValueError("Expected 4 octets in %r" % ip_str)
        value = 0
        try:
            for octet in octets:
                value = (value << 8) | cls._parse_octet(octet)
        except ValueError as exc:
            raise AddressValueError("%s in %r" % (exc, ip_str)) from None
        return value

    @staticmethod
    def _parse_octet(text):
        if not text:
            raise ValueError("Empty octet not permitted")
        if not (text.isascii() and text.isdigit()):
            raise ValueError("Only decimal digits permitted in %r" % text)
        if len(text) > 3:
            raise ValueError("At most 3 characters permitted in %r" % text)
        if text != '0' and text[0] == '0':
            raise ValueError("Leading zeros are not permitted in %r" % text)
        value = int(text, 10)
        if value > 255:
            raise ValueError("Octet %d (> 255) not permitted" % value)
        return value

    @classmethod
    def _string_from_ip_int(cls, ip_int):
        return '.'.join(str(b) for b in ip_int.to_bytes(4, 'big'))

    def _explode_shorthand_ip_string(self):
        return str(self)

    def _reverse_pointer(self):
        return '.'.join(reversed(str(self).split('.'))) + '.in-addr.arpa'

    @classmethod
    def _make_netmask(cls, arg):
        if arg not in cls._netmask_cache:
            if isinstance(arg, int):
                prefixlen = arg
                if not 0 <= prefixlen <= cls._max_prefixlen:
                    cls._report_invalid_netmask(prefixlen)
            else:
                try:
                    prefixlen = cls._prefix_from_prefix_string(arg)
                except NetmaskValueError:
                    # A dotted netmask (255.255.0.0) or hostmask (0.0.255.255).
                    prefixlen = cls._prefix_from_ip_string(arg)
            cls._netmask_cache[arg] = IPv4Address(cls._ip_int_from_prefix(prefixlen)), prefixlen
        return cls._netmask_cache[arg]

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    @property
    def packed(self):
        return self._ip.to_bytes(4, 'big')

    @property
    def is_reserved(self):
        return self in _V4.reserved

    @property
    def is_private(self):
        return (any(self in net for net in _V4.private) and
                all(self not in net for net in _V4.private_exceptions))

    @property
    def is_global(self):
        return self not in _V4.shared and not self.is_private

    @property
    def is_multicast(self):
        return self in _V4.multicast

    @property
    def is_unspecified(self):
        return self._ip == 0

    @property
    def is_loopback(self):
        return self in _V4.loopback

    @property
    def is_link_local(self):
        return self in _V4.link_local

    @property
    def ipv6_mapped(self):
        return IPv6Address(f'::ffff:{self}')


class IPv6Address(_BaseAddress):
    """A 128-bit address, optionally with a %scope zone."""

    __slots__ = ('_ip', '_scope_id', '__weakref__')
    _version = 6
    _max_prefixlen = IPV6LENGTH
    _ALL_ONES = (1 << IPV6LENGTH) - 1
    _HEXTET_COUNT = 8
    _HEX_DIGITS = frozenset('0123456789ABCDEFabcdef')
    _netmask_cache = {}

    def __init__(self, address):
        if isinstance(address, int):
            self._check_int_address(address)
            self._ip = address
            self._scope_id = None
            return
        if isinstance(address, bytes):
            self._check_packed_address(address, 16)
            self._ip = int.from_bytes(address, 'big')
            self._scope_id = None
            return
        text = str(address)
        if '/' in text:
            raise AddressValueError(f"Unexpected '/' in {address!r}")
        text, self._scope_id = self._split_scope_id(text)
        self._ip = self._ip_int_from_string(text)

    @staticmethod
    def _split_scope_id(ip_str):
        addr, sep, scope = ip_str.partition('%')
        if not sep:
            scope = None
        elif not scope or '%' in scope:
            raise AddressValueError('Invalid IPv6 address: "%r"' % ip_str)
        return addr, scope

    @classmethod
    def _ip_int_from_string(cls, ip_str):
        if not ip_str:
            raise AddressValueError('Address cannot be empty')
        parts = ip_str.split(':')
        if len(parts) < 3:
            raise AddressValueError("At least %d parts expected in %r" % (3, ip_str))
        if '.' in parts[-1]:
            try:
                v4 = IPv4Address(parts.pop())._ip
            except AddressValueError as exc:
                raise AddressValueError("%s in %r" % (exc, ip_str)) from None
            parts.append('%x' % ((v4 >> 16) & 0xFFFF))
            parts.append('%x' % (v4 & 0xFFFF))
        if len(parts) > cls._HEXTET_COUNT + 1:
            raise AddressValueError("At most %d colons permitted in %r"
                                    % (cls._HEXTET_COUNT, ip_str))
        # An empty inner part marks the '::'.
        gap = None
        for i in range(1, len(parts) - 1):
            if not parts[i]:
                if gap is not None:
                    raise AddressValueError("At most one '::' permitted in %r" % ip_str)
                gap = i
        if gap is not None:
            n_hi = gap
            n_lo = len(parts) - gap - 1
            if not parts[0]:
                n_hi -= 1
                if n_hi:
                    raise AddressValueError(
                        "Leading ':' only permitted as part of '::' in %r" % ip_str)
            if not parts[-1]:
                n_lo -= 1
                if n_lo:
                    raise AddressValueError(
                        "Trailing ':' only permitted as part of '::' in %r" % ip_str)
            skipped = cls._HEXTET_COUNT - (n_hi + n_lo)
            if skipped < 1:
                raise AddressValueError("Expected at most %d other parts with '::' in %r"
                                        % (cls._HEXTET_COUNT - 1, ip_str))
        else:
            if len(parts) != cls._HEXTET_COUNT:
                raise AddressValueError("Exactly %d parts expected without '::' in %r"
                                        % (cls._HEXTET_COUNT, ip_str))
            if not parts[0]:
                raise AddressValueError(
                    "Leading ':' only permitted as part of '::' in %r" % ip_str)
            if not parts[-1]:
                raise AddressValueError(
                    "Trailing ':' only permitted as part of '::' in %r" % ip_str)
            n_hi = len(parts)
            n_lo = 0
            skipped = 0
        try:
            value = 0
            for i in range(n_hi):
                value = (value << 16) | cls._parse_hextet(parts[i])
            value <<= 16 * skipped
            for i in range(-n_lo, 0):
                value = (value << 16) | cls._parse_hextet(parts[i])
            return value
        except ValueError as exc:
            raise AddressValueError("%s in %r" % (exc, ip_str)) from None

    @classmethod
    def _parse_hextet(cls, text):
        if not cls._HEX_DIGITS.issuperset(text):
            raise ValueError("Only hex digits permitted in %r" % text)
        if len(text) > 4:
            raise ValueError("At most 4 characters permitted in %r" % text)
        return int(text, 16)

    @classmethod
    def _compress_hextets(cls, hextets):
        # Replace the longest run (first on ties) of two or more zero groups with ''.
        best_start, best_len = -1, 0
        start, length = -1, 0
        for i, h in enumerate(hextets):
            if h == '0':
                if length == 0:
                    start = i
                length += 1
                if length > best_len:
                    best_start, best_len = start, length
            else:
                length = 0
        if best_len > 1:
            end = best_start + best_len
            if end == len(hextets):
                hextets = hextets + ['']
            hextets = hextets[:best_start] + [''] + hextets[end:]
            if best_start == 0:
                hextets = [''] + hextets
        return hextets

    @classmethod
    def _string_from_ip_int(cls, ip_int):
        if ip_int >> 32 == 0xFFFF:
            return '::ffff:' + IPv4Address._string_from_ip_int(ip_int & 0xFFFFFFFF)
        hextets = ['%x' % ((ip_int >> (112 - 16 * i)) & 0xFFFF) for i in range(8)]
        return ':'.join(cls._compress_hextets(hextets))

    def _explode_shorthand_ip_string(self):
        return self._explode_int(self._ip)

    @staticmethod
    def _explode_int(ip_int):
        if ip_int >> 32 == 0xFFFF:
            return '0000:0000:0000:0000:0000:ffff:' + \
                IPv4Address._string_from_ip_int(ip_int & 0xFFFFFFFF)
        text = '%032x' % ip_int
        return ':'.join(text[i:i + 4] for i in range(0, 32, 4))

    def _reverse_pointer(self):
        digits = ('%032x' % self._ip)[::-1]
        return '.'.join(digits) + '.ip6.arpa'

    @classmethod
    def _make_netmask(cls, arg):
        if arg not in cls._netmask_cache:
            if isinstance(arg, int):
                prefixlen = arg
                if not 0 <= prefixlen <= cls._max_prefixlen:
                    cls._report_invalid_netmask(prefixlen)
            else:
                prefixlen = cls._prefix_from_prefix_string(arg)
            cls._netmask_cache[arg] = IPv6Address(cls._ip_int_from_prefix(prefixlen)), prefixlen
        return cls._netmask_cache[arg]

    def __str__(self):
        text = super().__str__()
        return text + '%' + self._scope_id if self._scope_id else text

    def __hash__(self):
        return hash((self._ip, self._scope_id))

    def __eq__(self, other):
        same = super().__eq__(other)
        if same is NotImplemented:
            return NotImplemented
        if not same:
            return False
        return self._scope_id == getattr(other, '_scope_id', None)

    def __reduce__(self):
        return self.__class__, (str(self),)

    @property
    def scope_id(self):
        return self._scope_id

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    @property
    def packed(self):
        return self._ip.to_bytes(16, 'big')

    @property
    def is_multicast(self):
        return self in _V6.multicast

    @property
    def is_reserved(self):
        return any(self in net for net in _V6.reserved)

    @property
    def is_link_local(self):
        return self in _V6.link_local

    @property
    def is_site_local(self):
        return self in _V6.site_local

    @property
    def is_private(self):
        mapped = self.ipv4_mapped
        if mapped is not None:
            return mapped.is_private
        return (any(self in net for net in _V6.private) and
                all(self not in net for net in _V6.private_exceptions))

    @property
    def is_global(self):
        mapped = self.ipv4_mapped
        if mapped is not None:
            return mapped.is_global
        return not self.is_private

    @property
    def is_unspecified(self):
        return self._ip == 0

    @property
    def is_loopback(self):
        mapped = self.ipv4_mapped
        if mapped is not None:
            return mapped.is_loopback
        return self._ip == 1

    @property
    def ipv4_mapped(self):
        if self._ip >> 32 != 0xFFFF:
            return None
        return IPv4Address(self._ip & 0xFFFFFFFF)

    @property
    def teredo(self):
        if self._ip >> 96 != 0x20010000:
            return None
        return (IPv4Address((self._ip >> 64) & 0xFFFFFFFF),
                IPv4Address(~self._ip & 0xFFFFFFFF))

    @property
    def sixtofour(self):
        if self._ip >> 112 != 0x2002:
            return None
        return IPv4Address((self._ip >> 80) & 0xFFFFFFFF)


# ------------------------------------------------------------- networks

@functools.total_ordering
class _BaseNetwork(_IPAddressBase):
    """network_address + netmask; iterating yields every address of the block."""

    def _init_network(self, address, strict):
        addr, mask = self._split_addr_prefix(address)
        self.network_address = self._address_class(addr)
        self.netmask, self._prefixlen = self._make_netmask(mask)
        packed = int(self.network_address)
        if packed & int(self.netmask) != packed:
            if strict:
                raise ValueError('%s has host bits set' % self)
            self.network_address = self._address_class(packed & int(self.netmask))
        if self._prefixlen == self._max_prefixlen - 1:
            self.hosts = self.__iter__
        elif self._prefixlen == self._max_prefixlen:
            self.hosts = lambda: [self._address_class(addr)]

    def __repr__(self):
        return '%s(%r)' % (self.__class__.__name__, str(self))

    def __str__(self):
        return '%s/%d' % (self.network_address, self.prefixlen)

    def hosts(self):
        first = int(self.network_address) + 1
        last = int(self.broadcast_address) + self._hosts_end_adjust
        for x in range(first, last):
            yield self._address_class(x)

    def __iter__(self):
        for x in range(int(self.network_address), int(self.broadcast_address) + 1):
            yield self._address_class(x)

    def __getitem__(self, n):
        network = int(self.network_address)
        broadcast = int(self.broadcast_address)
        if n >= 0:
            if network + n > broadcast:
                raise IndexError('address out of range')
            return self._address_class(network + n)
        n += 1
        if broadcast + n < network:
            raise IndexError('address out of range')
        return self._address_class(broadcast + n)

    def __lt__(self, other):
        if not isinstance(other, _BaseNetwork):
            return NotImplemented
        _same_version(self, other)
        if self.network_address != other.network_address:
            return self.network_address < other.network_address
        if self.netmask != other.netmask:
            return self.netmask < other.netmask
        return False

    def __eq__(self, other):
        try:
            return (self._version == other._version and
                    self.network_address == other.network_address and
                    int(self.netmask) == int(other.netmask))
        except AttributeError:
            return NotImplemented

    def __hash__(self):
        return hash((int(self.network_address), int(self.netmask)))

    def __contains__(self, other):
        if self._version != other._version:
            return False
        if isinstance(other, _BaseNetwork):
            return False
        return other._ip & self.netmask._ip == self.network_address._ip

    def overlaps(self, other):
        return (self.network_address in other or self.broadcast_address in other or
                other.network_address in self or other.broadcast_address in self)

    @property
    def broadcast_address(self):
        return self._address_class(int(self.network_address) | int(self.hostmask))

    @property
    def hostmask(self):
        return self._address_class(int(self.netmask) ^ self._ALL_ONES)

    @property
    def with_prefixlen(self):
        return '%s/%d' % (self.network_address, self._prefixlen)

    @property
    def with_netmask(self):
        return '%s/%s' % (self.network_address, self.netmask)

    @property
    def with_hostmask(self):
        return '%s/%s' % (self.network_address, self.hostmask)

    @property
    def num_addresses(self):
        return int(self.broadcast_address) - int(self.network_address) + 1

    @property
    def prefixlen(self):
        return self._prefixlen

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    def _explode_shorthand_ip_string(self):
        if self._version == 4:
            return str(self)
        text = '%032x' % int(self.network_address)
        return '%s/%d' % (':'.join(text[i:i + 4] for i in range(0, 32, 4)), self._prefixlen)

    def _reverse_pointer(self):
        return self.network_address._reverse_pointer()

    def address_exclude(self, other):
        _same_version(self, other)
        if not isinstance(other, _BaseNetwork):
            raise TypeError("%s is not a network object" % other)
        if not other.subnet_of(self):
            raise ValueError('%s not contained in %s' % (other, self))
        if other == self:
            return
        other = other.__class__('%s/%s' % (other.network_address, other.prefixlen))
        # Halve the block repeatedly, yielding the half that does not hold other.
        low, high = self.subnets()
        while low != other and high != other:
            if other.subnet_of(low):
                yield high
                low, high = low.subnets()
            else:
                yield low
                low, high = high.subnets()
        yield high if low == other else low

    def compare_networks(self, other):
        if self._version != other._version:
            raise TypeError('%s and %s are not of the same type' % (self, other))
        if self.network_address != other.network_address:
            return -1 if self.network_address < other.network_address else 1
        if self.netmask != other.netmask:
            return -1 if self.netmask < other.netmask else 1
        return 0

    def _get_networks_key(self):
        return (self._version, self.network_address, self.netmask)

    def subnets(self, prefixlen_diff=1, new_prefix=None):
        if self._prefixlen == self._max_prefixlen:
            yield self
            return
        if new_prefix is not None:
            if new_prefix < self._prefixlen:
                raise ValueError('new prefix must be longer')
            if prefixlen_diff != 1:
                raise ValueError('cannot set prefixlen_diff and new_prefix')
            prefixlen_diff = new_prefix - self._prefixlen
        if prefixlen_diff < 0:
            raise ValueError('prefix length diff must be > 0')
        new_len = self._prefixlen + prefixlen_diff
        if new_len > self._max_prefixlen:
            raise ValueError('prefix length diff %d is invalid for netblock %s'
                             % (new_len, self))
        start = int(self.network_address)
        end = int(self.broadcast_address) + 1
        step = (int(self.hostmask) + 1) >> prefixlen_diff
        for addr in range(start, end, step):
            yield self.__class__((addr, new_len))

    def supernet(self, prefixlen_diff=1, new_prefix=None):
        if self._prefixlen == 0:
            return self
        if new_prefix is not None:
            if new_prefix > self._prefixlen:
                raise ValueError('new prefix must be shorter')
            if prefixlen_diff != 1:
                raise ValueError('cannot set prefixlen_diff and new_prefix')
            prefixlen_diff = self._prefixlen - new_prefix
        new_len = self.prefixlen - prefixlen_diff
        if new_len < 0:
            raise ValueError('current prefixlen is %d, cannot have a prefixlen_diff of %d'
                             % (self.prefixlen, prefixlen_diff))
        return self.__class__((int(self.network_address) & (int(self.netmask) << prefixlen_diff),
                               new_len))

    @staticmethod
    def _is_subnet_of(a, b):
        try:
            if a._version != b._version:
                raise TypeError(f"{a} and {b} are not of the same version")
            return (b.network_address <= a.network_address and
                    b.broadcast_address >= a.broadcast_address)
        except AttributeError:
            raise TypeError(f"Unable to test subnet containment between {a} and {b}")

    def subnet_of(self, other):
        return self._is_subnet_of(self, other)

    def supernet_of(self, other):
        return self._is_subnet_of(other, self)

    def _both(self, name):
        return (getattr(self.network_address, name) and
                getattr(self.broadcast_address, name))

    @property
    def is_reserved(self):
        return self._both('is_reserved')

    @property
    def is_link_local(self):
        return self._both('is_link_local')

    @property
    def is_private(self):
        # The whole block must sit inside one private range and outside every exception.
        consts = _V4 if self._version == 4 else _V6
        lo, hi = self.network_address, self.broadcast_address
        return (any(lo in net and hi in net for net in consts.private) and
                all(lo not in net and hi not in net for net in consts.private_exceptions))

    @property
    def is_global(self):
        return not self.is_private

    @property
    def is_unspecified(self):
        return self._both('is_unspecified')

    @property
    def is_loopback(self):
        return self._both('is_loopback')

    @property
    def is_multicast(self):
        return self._both('is_multicast')


class IPv4Network(_BaseNetwork):
    _address_class = IPv4Address
    _version = 4
    _max_prefixlen = IPV4LENGTH
    _ALL_ONES = IPv4Address._ALL_ONES
    _hosts_end_adjust = 0
    _make_netmask = IPv4Address._make_netmask
    _ip_int_from_string = IPv4Address._ip_int_from_string

    def __init__(self, address, strict=True):
        self._init_network(address, strict)

    @property
    def is_global(self):
        return (not (self.network_address in _V4.shared and
                     self.broadcast_address in _V4.shared) and not self.is_private)


class IPv6Network(_BaseNetwork):
    _address_class = IPv6Address
    _version = 6
    _max_prefixlen = IPV6LENGTH
    _ALL_ONES = IPv6Address._ALL_ONES
    _hosts_end_adjust = 1   # only the Subnet-Router anycast (network address) is skipped
    _make_netmask = IPv6Address._make_netmask
    _ip_int_from_string = IPv6Address._ip_int_from_string

    def __init__(self, address, strict=True):
        self._init_network(address, strict)

    @property
    def is_site_local(self):
        return self._both('is_site_local')


# ----------------------------------------------------------- interfaces

class _InterfaceMixin:
    """An address together with the network it sits in."""

    def _init_interface(self, address):
        addr, mask = self._split_addr_prefix(address)
        self._address_class_base.__init__(self, addr)
        self.network = self._network_class((addr, mask), strict=False)
        self.netmask = self.network.netmask
        self._prefixlen = self.network._prefixlen

    @property
    def hostmask(self):
        return self.network.hostmask

    def __str__(self):
        return '%s/%d' % (self._address_class_base.__str__(self), self._prefixlen)

    def __eq__(self, other):
        same = self._address_class_base.__eq__(self, other)
        if same is NotImplemented or not same:
            return same
        try:
            return self.network == other.network
        except AttributeError:
            return False

    def __lt__(self, other):
        less = self._address_class_base.__lt__(self, other)
        if less is NotImplemented:
            return NotImplemented
        try:
            return self.network < other.network or (self.network == other.network and less)
        except AttributeError:
            return False

    def __hash__(self):
        return hash((self._ip, self._prefixlen, int(self.network.network_address)))

    __reduce__ = _IPAddressBase.__reduce__

    @property
    def ip(self):
        # The bare address (an IPv6 scope id is not carried over, as in CPython).
        return self._address_class_base(self._ip)

    def _explode_shorthand_ip_string(self):
        if self._version == 4:
            return str(self)
        text = '%032x' % self._ip
        return '%s/%d' % (':'.join(text[i:i + 4] for i in range(0, 32, 4)), self._prefixlen)

    @property
    def with_prefixlen(self):
        return '%s/%s' % (self.ip, self._prefixlen)

    @property
    def with_netmask(self):
        return '%s/%s' % (self.ip, self.netmask)

    @property
    def with_hostmask(self):
        return '%s/%s' % (self.ip, self.hostmask)


class IPv4Interface(_InterfaceMixin, IPv4Address):
    _address_class_base = IPv4Address
    _network_class = IPv4Network

    def __init__(self, address):
        self._init_interface(address)

    __hash__ = _InterfaceMixin.__hash__

    def __gt__(self, other):
        r = self.__lt__(other)
        if r is NotImplemented:
            return r
        return not r and self != other

    def __le__(self, other):
        r = self.__lt__(other)
        if r is NotImplemented:
            return r
        return r or self == other

    def __ge__(self, other):
        r = self.__lt__(other)
        if r is NotImplemented:
            return r
        return not r


class IPv6Interface(_InterfaceMixin, IPv6Address):
    _address_class_base = IPv6Address
    _network_class = IPv6Network

    def __init__(self, address):
        self._init_interface(address)

    __hash__ = _InterfaceMixin.__hash__
    __gt__ = IPv4Interface.__gt__
    __le__ = IPv4Interface.__le__
    __ge__ = IPv4Interface.__ge__

    @property
    def is_unspecified(self):
        return self._ip == 0 and self.network.is_unspecified

    @property
    def is_loopback(self):
        return super().is_loopback and self.network.is_loopback


# ------------------------------------------------- special-purpose ranges

class _Ranges:
    """The IANA special-purpose blocks, built on first use (no cost at import)."""

    def __init__(self, spec):
        self._spec = spec

    def __getattr__(self, name):
        spec = self.__dict__['_spec']
        value = spec[name]
        if isinstance(value, str):
            value = ip_network(value)
        else:
            value = [ip_network(v) for v in value]
        setattr(self, name, value)
        return value


_V4 = _Ranges({
    'private': ['0.0.0.0/8', '10.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12',
                '192.0.0.0/24', '192.0.0.170/31', '192.0.2.0/24', '192.168.0.0/16',
                '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4',
                '255.255.255.255/32'],
    'private_exceptions': ['192.0.0.9/32', '192.0.0.10/32'],
    'shared': '100.64.0.0/10',
    'reserved': '240.0.0.0/4',
    'multicast': '224.0.0.0/4',
    'loopback': '127.0.0.0/8',
    'link_local': '169.254.0.0/16',
})

_V6 = _Ranges({
    'private': ['::1/128', '::/128', '::ffff:0:0/96', '64:ff9b:1::/48', '100::/64',
                '2001::/23', '2001:db8::/32', '2002::/16', 'fc00::/7', 'fe80::/10'],
    'private_exceptions': ['2001:1::1/128', '2001:1::2/128', '2001:3::/32',
                           '2001:4:112::/48', '2001:20::/28', '2001:30::/28'],
    'reserved': ['::/8', '100::/8', '200::/7', '400::/6', '800::/5', '1000::/4', '4000::/3',
                 '6000::/3', '8000::/3', 'a000::/3', 'c000::/3', 'e000::/4', 'f000::/5',
                 'f800::/6', 'fe00::/9'],
    'multicast': 'ff00::/8',
    'link_local': 'fe80::/10',
    'site_local': 'fec0::/10',
})
