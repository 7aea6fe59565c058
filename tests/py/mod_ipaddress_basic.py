# ipaddress: parsing and text forms, properties, networks (hosts/subnets/supernet/exclude), interfaces,
# collapse/summarize, ordering and the error messages of malformed input.
import ipaddress as ip

for text in ['192.168.1.1', '0.0.0.0', '255.255.255.255', '::', '::1', '2001:db8::8a2e:370:7334',
             '2001:0db8:0000:0000:0000:0000:0000:0001', '1:0:0:1:0:0:0:1', '1:0:1:0:1:0:1:0',
             '0:0:1:0:0:0:0:0', '::ffff:10.1.2.3', '::10.1.2.3', 'FFFF::', 3232235777,
             2**128 - 1, b'\x7f\x00\x00\x01', b'\x00' * 15 + b'\x01']:
    a = ip.ip_address(text)
    print(repr(a), a.version, a.compressed, a.exploded, a.packed.hex(), int(a), a.max_prefixlen)
    print('  ', a.reverse_pointer)
    print('  ', [n for n in ('is_private', 'is_global', 'is_multicast', 'is_reserved',
                             'is_loopback', 'is_link_local', 'is_unspecified') if getattr(a, n)])

samples4 = ['10.1.1.1', '100.64.1.1', '127.0.0.1', '169.254.3.4', '172.16.0.1', '172.32.0.1',
            '192.0.0.9', '192.0.0.170', '192.0.2.1', '198.18.0.1', '224.0.0.1', '240.0.0.1',
            '255.255.255.255', '8.8.8.8', '0.1.2.3']
samples6 = ['2001:db8::1', 'fc00::1', 'fec0::1', 'ff02::1', '2001:1::1', '2001:1::3', '2002::1',
            '::ffff:127.0.0.1', '::ffff:8.8.8.8', '64:ff9b:1::1', '100::1', '2606:4700::1',
            '::ffff:224.0.0.1', '::ffff:0.0.0.0']
for text in samples4 + samples6:
    a = ip.ip_address(text)
    flags = ''.join('1' if getattr(a, n) else '0' for n in
                    ('is_private', 'is_global', 'is_multicast', 'is_reserved', 'is_loopback',
                     'is_link_local', 'is_unspecified'))
    print(text, flags, getattr(a, 'is_site_local', '-'))
v6 = ip.IPv6Address('2002:c000:0204::1')
print(v6.sixtofour, ip.IPv6Address('2001:0:4136:e378:8000:63bf:3fff:fdd2').teredo,
      ip.IPv6Address('::ffff:1.2.3.4').ipv4_mapped, ip.IPv6Address('::1').ipv4_mapped,
      ip.IPv4Address('1.2.3.4').ipv6_mapped, ip.IPv6Address('fe80::1%eth0').scope_id)

# arithmetic, ordering, hashing, formatting
a = ip.IPv4Address('10.0.0.255')
print(a + 1, a - 256, ip.IPv6Address('::ffff') + 1, a < ip.IPv4Address('10.0.1.0'),
      a == ip.IPv4Address(167772415), a != '10.0.0.255', sorted([ip.ip_address('10.0.0.2'),
      ip.ip_address('9.255.0.0'), ip.ip_address('10.0.0.1')]))
print(len({ip.ip_address('::1'), ip.ip_address('0::1'), ip.ip_address('fe80::1%1'),
           ip.ip_address('fe80::1%2'), ip.ip_address('fe80::1')}))
print(ip.ip_address('fe80::1%1') == ip.ip_address('fe80::1'), max(ip.ip_address('1.1.1.1'), ip.ip_address('1.1.1.0')))
for fmt in ['', 's', '>16s', 'b', '#b', '_b', '#_b', 'x', '#x', 'X', '#_X', 'n', '#n']:
    print(repr(fmt), format(ip.IPv4Address('1.2.3.4'), fmt), format(ip.IPv6Address('::1:2'), fmt))
for bad in [lambda: ip.IPv4Address('1.1.1.1') + 'x', lambda: ip.IPv4Address('255.255.255.255') + 1,
            lambda: ip.IPv4Address('0.0.0.0') - 1, lambda: ip.ip_address('1.1.1.1') < ip.ip_address('::1'),
            lambda: ip.ip_address('1.1.1.1') < ip.ip_network('1.1.1.0/24'),
            lambda: format(ip.IPv4Address('1.2.3.4'), 'd')]:
    try:
        print('ok', bad())
    except Exception as e:
        print(type(e).__name__, e)

# malformed addresses
for text in ['', '1.2.3', '1.2.3.4.5', '1.2.3.256', '01.2.3.4', '1.2.3.-4', '1.2.3.1234', '1..3.4',
             '1.2.3.4/24', ' 1.2.3.4', '1.2.3.٣', ':', '::1::', '1:2:3:4:5:6:7:8:9', ':1:2:3:4:5:6:7',
             '1:2:3:4:5:6:7:', '1:2:3:4:5:6:7', '1::2:3:4:5:6:7:8', '12345::', 'g::', ':::',
             '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', '::1.2.3', '::1.2.3.999', 'fe80::1%',
             'fe80::1%a%b', 'a' * 50, '1:' * 60, -1, 2**32, 2**128, b'\x01\x02', '::1/128']:
    for cls in (ip.IPv4Address, ip.IPv6Address):
        try:
            print(cls.__name__, repr(cls(text)))
        except ValueError as e:
            print(cls.__name__, type(e).__name__, e)
    try:
        ip.ip_address(text)
    except ValueError as e:
        print('  ip_address:', e)

# networks
for text in ['192.168.0.0/24', '10.0.0.0/255.0.0.0', '10.0.0.0/0.255.255.255', '0.0.0.0/0',
             '1.2.3.4/32', '1.2.3.4/31', ('172.16.0.0', 12), ('172.16.0.0', '255.240.0.0'),
             '2001:db8::/32', '::/0', '2001:db8::1/128', '2001:db8::/127', 3232235520,
             '::ffff:0:0/96', '100.64.0.0/10', '100.64.0.0/11', '8.0.0.0/8', '192.0.0.8/30']:
    n = ip.ip_network(text)
    print(repr(n), n.network_address, n.broadcast_address, n.netmask, n.hostmask, n.prefixlen,
          n.num_addresses, n.with_netmask, n.with_hostmask, n.exploded)
    import itertools
    print('  ', list(itertools.islice(n.hosts(), 3)), n[0], n[-1], n.is_private, n.is_global)
n = ip.ip_network('fe80::%eth1/64')
print(repr(n), n.network_address, n.network_address.scope_id, n.broadcast_address, n.is_link_local)
n = ip.ip_network('192.168.1.0/29')
print(list(n), list(n.hosts()), list(ip.ip_network('2001:db8::/126').hosts()))
print(ip.ip_address('192.168.1.5') in n, ip.ip_address('192.168.1.8') in n, ip.ip_address('::1') in n,
      ip.ip_network('192.168.1.0/30') in n)
print(list(n.subnets()), list(n.subnets(prefixlen_diff=2)), list(n.subnets(new_prefix=31))[:2])
print(n.supernet(), n.supernet(prefixlen_diff=5), n.supernet(new_prefix=16), ip.ip_network('0.0.0.0/0').supernet(),
      list(ip.ip_network('1.1.1.1/32').subnets()))
print(ip.ip_network('10.0.0.0/8').overlaps(ip.ip_network('10.1.0.0/16')),
      ip.ip_network('10.0.0.0/16').overlaps(ip.ip_network('10.1.0.0/16')),
      ip.ip_network('10.1.0.0/16').subnet_of(ip.ip_network('10.0.0.0/8')),
      ip.ip_network('10.0.0.0/8').supernet_of(ip.ip_network('10.1.0.0/16')))
print(list(ip.ip_network('192.0.2.0/28').address_exclude(ip.ip_network('192.0.2.1/32'))))
print(list(ip.ip_network('10.0.0.0/8').address_exclude(ip.ip_network('10.0.0.0/8'))))
print(sorted([ip.ip_network('10.0.0.0/16'), ip.ip_network('10.0.0.0/8'), ip.ip_network('9.0.0.0/8')]),
      ip.ip_network('10.0.0.0/8').compare_networks(ip.ip_network('10.0.0.0/16')),
      ip.ip_network('10.0.0.0/8').compare_networks(ip.ip_network('10.0.0.0/8')),
      ip.ip_network('10.0.0.0/16').compare_networks(ip.ip_network('9.0.0.0/8')))
print(ip.ip_network('10.0.0.0/8') == ip.IPv4Network('10.0.0.0/255.0.0.0'),
      hash(ip.ip_network('10.0.0.0/8')) == hash(ip.IPv4Network(('10.0.0.0', 8))),
      ip.IPv4Network('10.1.2.3/8', strict=False), ip.ip_network('2001:db8::1/32', False))
for text, strict in [('10.1.2.3/8', True), ('10.0.0.0/33', True), ('10.0.0.0/-1', True),
                     ('10.0.0.0/255.0.255.0', True), ('10.0.0.0/x', True), ('10.0.0.0/8/8', True),
                     ('::/129', True), ('::1/64', True), ('::/ff::', True), ('1.2.3.4/', True),
                     ('10.0.0.0/ 8', True), ('10.0.0.0/08', True)]:
    for cls in (ip.IPv4Network, ip.IPv6Network):
        try:
            print(cls.__name__, repr(cls(text, strict)))
        except ValueError as e:
            print(cls.__name__, type(e).__name__, e)
    try:
        ip.ip_network(text, strict)
    except ValueError as e:
        print('  ip_network:', e)
for bad in [lambda: list(n.subnets(new_prefix=20)), lambda: list(n.subnets(prefixlen_diff=4)),
            lambda: list(n.subnets(prefixlen_diff=-1)), lambda: list(n.subnets(2, 31)),
            lambda: n.supernet(new_prefix=30), lambda: n.supernet(prefixlen_diff=30),
            lambda: n[8], lambda: n[-9], lambda: list(n.address_exclude(ip.ip_network('10.0.0.0/8'))),
            lambda: list(n.address_exclude(ip.ip_address('192.168.1.1'))),
            lambda: n.subnet_of(ip.ip_network('::/0')), lambda: n.subnet_of(ip.ip_address('1.1.1.1')),
            lambda: n < ip.ip_network('::/0'), lambda: n[-8],
            lambda: ip.ip_network('::/0').compare_networks(ip.ip_network('0.0.0.0/0'))]:
    try:
        print('ok', bad())
    except Exception as e:
        print(type(e).__name__, e)

# interfaces
for text in ['192.168.1.5/24', '10.1.1.1/255.255.0.0', '1.1.1.1', '2001:db8::5/64', 'fe80::1%2/64',
             ('10.0.0.9', 30)]:
    i = ip.ip_interface(text)
    print(repr(i), i.ip, i.network, i.netmask, i.hostmask, i.with_prefixlen, i.with_netmask,
          i.with_hostmask, i.version, i.is_private, i.exploded)
i1, i2 = ip.ip_interface('10.0.0.1/24'), ip.ip_interface('10.0.0.1/16')
print(i1 == i2, i1 == ip.ip_address('10.0.0.1'), i1 < i2, i2 < i1, i1 > i2, sorted([i1, i2]),
      len({i1, i2, ip.ip_interface('10.0.0.1/24')}))
for text in ['1.2.3.4/33', 'x', '::1/200']:
    try:
        ip.ip_interface(text)
    except ValueError as e:
        print(type(e).__name__, e)

# collapse / summarize
print(list(ip.collapse_addresses([ip.ip_network('192.0.2.0/25'), ip.ip_network('192.0.2.128/25')])))
print(list(ip.collapse_addresses([ip.ip_address('10.0.0.%d' % k) for k in [0, 1, 2, 3, 5, 7, 6, 4, 9]])))
print(list(ip.collapse_addresses([ip.ip_network('10.0.0.0/8'), ip.ip_network('10.1.0.0/16'),
                                  ip.ip_network('11.0.0.0/8'), ip.ip_address('12.0.0.0'),
                                  ip.ip_network('1.1.1.1/32'), ip.ip_interface('1.1.1.2/32')])))
print(list(ip.collapse_addresses([ip.ip_network('2001:db8::/33'), ip.ip_network('2001:db8:8000::/33')])))
print(list(ip.summarize_address_range(ip.ip_address('192.0.2.0'), ip.ip_address('192.0.2.130'))))
print(list(ip.summarize_address_range(ip.ip_address('0.0.0.0'), ip.ip_address('255.255.255.255'))))
print(list(ip.summarize_address_range(ip.ip_address('::1'), ip.ip_address('::10'))))
for bad in [lambda: list(ip.collapse_addresses([ip.ip_address('1.1.1.1'), ip.ip_address('::1')])),
            lambda: list(ip.collapse_addresses([ip.ip_network('1.1.1.0/24'), ip.ip_network('::/64')])),
            lambda: list(ip.summarize_address_range(ip.ip_address('1.1.1.2'), ip.ip_address('1.1.1.1'))),
            lambda: list(ip.summarize_address_range(ip.ip_address('1.1.1.2'), ip.ip_address('::1'))),
            lambda: list(ip.summarize_address_range(ip.ip_network('1.1.1.0/24'), ip.ip_address('1.1.1.1'))),
            lambda: ip.v4_int_to_packed(2**32), lambda: ip.v6_int_to_packed(-1)]:
    try:
        print('ok', bad())
    except Exception as e:
        print(type(e).__name__, e)
print(ip.v4_int_to_packed(3232235777), ip.v6_int_to_packed(1).hex())
mixed = [ip.ip_network('10.0.0.0/8'), ip.ip_address('::1'), ip.ip_address('10.0.0.1'),
         ip.ip_network('::/0'), ip.ip_address('9.9.9.9')]
print(sorted(mixed, key=ip.get_mixed_type_key), ip.get_mixed_type_key('x'))
print(ip.IPV4LENGTH, ip.IPV6LENGTH, issubclass(ip.AddressValueError, ValueError),
      issubclass(ip.NetmaskValueError, ValueError))
