# locale: setlocale/getlocale in the C and C.UTF-8 locales, localeconv, nl_langinfo, normalize,
# format_string/str/atof/atoi/delocalize/localize, currency's C-locale error, locale.Error.
import locale

print(locale.setlocale(locale.LC_CTYPE), locale.getlocale(), locale.getlocale(locale.LC_NUMERIC))
print(locale.getpreferredencoding(), locale.getencoding(), locale.nl_langinfo(locale.CODESET))
print(locale.setlocale(locale.LC_ALL, 'C'), locale.getlocale(), locale.setlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_ALL, ('C', 'UTF-8')), locale.getlocale(locale.LC_TIME))
print(locale.setlocale(locale.LC_ALL, 'C.UTF-8'), locale.setlocale(locale.LC_ALL, 'POSIX'))
print(locale.setlocale(locale.LC_ALL, ''), locale.setlocale(locale.LC_ALL, None))
conv = locale.localeconv()
print(list(conv), conv['decimal_point'], conv['grouping'], conv['frac_digits'], conv['thousands_sep'])
print([locale.nl_langinfo(k) for k in (locale.D_T_FMT, locale.D_FMT, locale.T_FMT, locale.RADIXCHAR,
                                       locale.DAY_1, locale.ABMON_12, locale.YESEXPR, locale.AM_STR)])
for name in ['en_US.utf8', 'C', 'de', 'C.UTF-8', 'POSIX', 'en_US', 'fr_FR@euro', 'en_US.ISO-8859-1',
             'xx', 'en', 'de_DE.UTF-8', 'pt_BR', 'UTF-8', 'c.utf8', 'ja_JP.eucJP']:
    print(repr(name), repr(locale.normalize(name)))
print(locale.format_string('%5.1f|%-6d|%s|%%', (2.25, 42, 'x')), locale.format_string('%d', 5),
      locale.format_string('%(a).2f %(b)s', {'a': 1.005, 'b': 'z'}),
      locale.format_string('%.3e %i %x', (12345.678, -7, 255), grouping=True),
      locale.format_string('%*d|', (6, 12)))
print(locale.str(1 / 3), locale.str(1e20), locale.atof('1.5'), locale.atoi('-42'),
      locale.delocalize('1234.5'), locale.localize('1234.5', grouping=True), locale.atof('2', int))
for f in [lambda: locale.currency(1), lambda: locale.currency(-5, international=True),
          lambda: locale.setlocale(locale.LC_ALL, 'xx_YY.NOPE'), lambda: locale.setlocale(12345, 'C'),
          lambda: locale.setlocale(locale.LC_ALL, 5), lambda: locale.getlocale(locale.LC_ALL) if
          ';' in locale.setlocale(locale.LC_ALL) else 'single', lambda: locale.atoi('x'),
          lambda: locale.setlocale(locale.LC_ALL, ('a', 'b', 'c'))]:
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e, type(e).__module__)
print(issubclass(locale.Error, Exception), locale.CHAR_MAX, locale.LC_ALL != locale.LC_CTYPE,
      locale.strcoll('a', 'b'), locale.strcoll('b', 'a'), locale.strcoll('x', 'x'), locale.strxfrm('abc'))
