"""locale: locale settings and locale-aware formatting (Krait's own implementation).

setlocale/localeconv/nl_langinfo are the C library's (stdlib/localemodule.c).  normalize() knows a
reduced alias table (languages without a territory, common encoding spellings, @euro); locale names
it does not know are returned unchanged, as CPython does.  strcoll/strxfrm compare code points, which
is the collation of the C and C.UTF-8 locales."""

import re
import _locale
from _locale import (setlocale as _setlocale, nl_langinfo, LC_CTYPE, LC_COLLATE, LC_TIME,
                     LC_MONETARY, LC_NUMERIC, LC_ALL, LC_MESSAGES, CHAR_MAX, CODESET, D_T_FMT,
                     D_FMT, T_FMT, T_FMT_AMPM, AM_STR, PM_STR, DAY_1, DAY_2, DAY_3, DAY_4, DAY_5,
                     DAY_6, DAY_7, ABDAY_1, ABDAY_2, ABDAY_3, ABDAY_4, ABDAY_5, ABDAY_6, ABDAY_7,
                     MON_1, MON_2, MON_3, MON_4, MON_5, MON_6, MON_7, MON_8, MON_9, MON_10,
                     MON_11, MON_12, ABMON_1, ABMON_2, ABMON_3, ABMON_4, ABMON_5, ABMON_6,
                     ABMON_7, ABMON_8, ABMON_9, ABMON_10, ABMON_11, ABMON_12, RADIXCHAR, THOUSEP,
                     YESEXPR, NOEXPR, CRNCYSTR, ERA, ERA_D_T_FMT, ERA_D_FMT, ERA_T_FMT, ALT_DIGITS)

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error", "setlocale",
           "localeconv", "strcoll", "strxfrm", "str", "atof", "atoi", "format_string",
           "currency", "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY",
           "LC_NUMERIC", "LC_ALL", "CHAR_MAX", "getencoding", "LC_MESSAGES", "nl_langinfo",
           "CODESET", "delocalize", "localize"]

_builtin_str = str


class Error(Exception):
    pass


Error.__module__ = 'locale'
_locale.Error = Error

_CONV_KEYS = ('int_curr_symbol', 'currency_symbol', 'mon_decimal_point', 'mon_thousands_sep',
              'mon_grouping', 'positive_sign', 'negative_sign', 'int_frac_digits', 'frac_digits',
              'p_cs_precedes', 'p_sep_by_space', 'n_cs_precedes', 'n_sep_by_space',
              'p_sign_posn', 'n_sign_posn', 'decimal_point', 'thousands_sep', 'grouping')

_override_localeconv = {}


def localeconv():
    raw = _locale.localeconv()
    d = {k: raw[k] for k in _CONV_KEYS}
    if _override_localeconv:
        d.update(_override_localeconv)
    return d


def setlocale(category, locale=None):
    if locale and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    result = _setlocale(category, locale)
    if result is None:
        raise Error('unsupported locale setting')
    return result


def strcoll(a, b):
    return (a > b) - (a < b)


def strxfrm(s):
    return s


# ------------------------------------------------------------ names

_ENCODINGS = {
    'utf8': 'UTF-8', 'utf-8': 'UTF-8', 'iso88591': 'ISO8859-1', 'iso-8859-1': 'ISO8859-1',
    'iso8859-1': 'ISO8859-1', 'latin1': 'ISO8859-1', 'iso885915': 'ISO8859-15',
    'iso-8859-15': 'ISO8859-15', 'iso8859-15': 'ISO8859-15', 'ascii': 'ISO8859-1',
    'euc': 'eucJP', 'eucjp': 'eucJP', 'euckr': 'eucKR', 'gb2312': 'gb2312', 'gbk': 'GBK',
    'big5': 'big5', 'koi8r': 'KOI8-R', 'koi8-r': 'KOI8-R', 'cp1251': 'CP1251',
}
# language (or language_TERRITORY, lowercased) -> default full name
_ALIASES = {
    'c': 'C', 'posix': 'C', 'c.utf8': 'C.UTF-8', 'c.utf-8': 'C.UTF-8', 'utf-8': 'UTF-8',
    'en': 'en_US.ISO8859-1', 'en_us': 'en_US.ISO8859-1', 'en_gb': 'en_GB.ISO8859-1',
    'de': 'de_DE.ISO8859-1', 'de_de': 'de_DE.ISO8859-1', 'fr': 'fr_FR.ISO8859-1',
    'fr_fr': 'fr_FR.ISO8859-1', 'es': 'es_ES.ISO8859-1', 'es_es': 'es_ES.ISO8859-1',
    'it': 'it_IT.ISO8859-1', 'it_it': 'it_IT.ISO8859-1', 'pt': 'pt_PT.ISO8859-1',
    'pt_br': 'pt_BR.ISO8859-1', 'pt_pt': 'pt_PT.ISO8859-1', 'nl': 'nl_NL.ISO8859-1',
    'nl_nl': 'nl_NL.ISO8859-1', 'sv': 'sv_SE.ISO8859-1', 'sv_se': 'sv_SE.ISO8859-1',
    'da': 'da_DK.ISO8859-1', 'fi': 'fi_FI.ISO8859-15', 'no': 'no_NO.ISO8859-1',
    'ja': 'ja_JP.eucJP', 'ja_jp': 'ja_JP.eucJP', 'ko': 'ko_KR.eucKR', 'ko_kr': 'ko_KR.eucKR',
    'zh_cn': 'zh_CN.gb2312', 'zh_tw': 'zh_TW.big5', 'ru': 'ru_RU.UTF-8', 'ru_ru': 'ru_RU.UTF-8',
    'pl': 'pl_PL.ISO8859-2', 'cs': 'cs_CZ.ISO8859-2', 'tr': 'tr_TR.ISO8859-9',
    'el': 'el_GR.ISO8859-7', 'sr_rs': 'sr_RS.UTF-8', 'uk': 'uk_UA.KOI8-U',
}


def normalize(localename):
    code = localename.lower()
    if ':' in code:
        code = code.replace(':', '.')
    if '@' in code:
        code, modifier = code.split('@', 1)
    else:
        modifier = ''
    if '.' in code:
        langname, encoding = code.split('.', 1)
    else:
        langname, encoding = code, ''
    full = _ALIASES.get(code) if encoding or modifier else _ALIASES.get(langname)
    if modifier == 'euro' and not encoding:
        base = _ALIASES.get(langname)
        if base is not None:
            return base.split('.')[0] + '.ISO8859-15'
    if full is None and encoding:
        base = _ALIASES.get(langname)
        if base is not None and '.' in base:
            norm = _ENCODINGS.get(encoding)
            if norm is None:
                return localename
            full = base.split('.')[0] + '.' + norm
    if full is None:
        if modifier and not encoding:
            base = _ALIASES.get(langname)
            if base is not None:
                return base + '@' + modifier
        return localename
    if modifier:
        if '.' in full:
            return full + '@' + modifier
        return full + '@' + modifier
    return full


def _parse_localename(localename):
    code = normalize(localename)
    if '@' in code:
        code, modifier = code.split('@', 1)
        if modifier == 'euro' and '.' not in code:
            return code, 'iso-8859-15'
    if '.' in code:
        return tuple(code.split('.')[:2])
    elif code == 'C':
        return None, None
    elif code == 'UTF-8':
        return None, 'UTF-8'
    raise ValueError('unknown locale: %s' % localename)


def _build_localename(localetuple):
    try:
        language, encoding = localetuple
        if language is None:
            language = 'C'
        if encoding is None:
            return language
        return language + '.' + encoding
    except (TypeError, ValueError):
        raise TypeError('Locale must be None, a string, or an iterable of '
                        'two strings -- language code, encoding.') from None


def getlocale(category=LC_CTYPE):
    name = _setlocale(category)
    if category == LC_ALL and ';' in name:
        raise TypeError('category LC_ALL is not supported')
    return _parse_localename(name)


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    import os
    import warnings
    warnings.warn("Use setlocale(), getencoding() and getlocale() instead",
                  DeprecationWarning, stacklevel=2)
    for variable in envvars:
        localename = os.environ.get(variable, None)
        if localename:
            if variable == 'LANGUAGE':
                localename = localename.split(':')[0]
            break
    else:
        localename = 'C'
    return _parse_localename(localename)


def getencoding():
    codeset = nl_langinfo(CODESET)
    return codeset or 'UTF-8'


def getpreferredencoding(do_setlocale=True):
    # The locale's codeset (Krait's text I/O is UTF-8 whatever it says).
    return getencoding()


# ------------------------------------------------------------ formatting

def _grouping_intervals(grouping):
    last = None
    for interval in grouping:
        if interval == CHAR_MAX:
            return
        if interval == 0:
            if last is None:
                raise ValueError("invalid grouping")
            while True:
                yield last
        yield interval
        last = interval


def _group(s, monetary=False):
    conv = localeconv()
    sep = conv['mon_thousands_sep' if monetary else 'thousands_sep']
    grouping = conv['mon_grouping' if monetary else 'grouping']
    if not grouping:
        return s, 0
    if s[-1] == ' ':
        stripped = s.rstrip()
        right_spaces = s[len(stripped):]
        s = stripped
    else:
        right_spaces = ''
    left_spaces = ''
    groups = []
    for interval in _grouping_intervals(grouping):
        if not s or s[-1] not in "0123456789":
            left_spaces = s
            s = ''
            break
        groups.append(s[-interval:])
        s = s[:-interval]
    if s:
        groups.append(s)
    groups.reverse()
    return left_spaces + sep.join(groups) + right_spaces, len(sep) * (len(groups) - 1)


def _strip_padding(s, amount):
    lpos = 0
    while amount and s[lpos] == ' ':
        lpos += 1
        amount -= 1
    rpos = len(s) - 1
    while amount and s[rpos] == ' ':
        rpos -= 1
        amount -= 1
    return s[lpos:rpos + 1]


_percent_re = re.compile(r'%(?:\((?P<key>.*?)\))?(?P<modifiers>[-#0-9 +*.hlL]*?)[eEfFgGdiouxXcrs%]')


def _format(percent, value, grouping=False, monetary=False, *additional):
    if additional:
        formatted = percent % ((value,) + additional)
    else:
        formatted = percent % value
    if percent[-1] in 'eEfFgGdiu':
        conv = localeconv()
        if percent[-1] in 'eEfFgG':
            parts = formatted.split('.')
            if grouping:
                parts[0], seps = _group(parts[0], monetary=monetary)
            else:
                seps = 0
            decimal_point = conv['mon_decimal_point' if monetary else 'decimal_point']
            formatted = decimal_point.join(parts)
        else:
            if grouping:
                formatted, seps = _group(formatted, monetary=monetary)
            else:
                seps = 0
        if seps:
            formatted = _strip_padding(formatted, seps)
    return formatted


def format_string(f, val, grouping=False, monetary=False):
    percents = list(_percent_re.finditer(f))
    new_f = _percent_re.sub('%s', f)
    if isinstance(val, dict):
        new_val = []
        for perc in percents:
            if perc.group()[-1] == '%':
                new_val.append('%')
            else:
                new_val.append(_format(perc.group(), val, grouping, monetary))
    else:
        if not isinstance(val, tuple):
            val = (val,)
        new_val = []
        i = 0
        for perc in percents:
            if perc.group()[-1] == '%':
                new_val.append('%')
            else:
                starcount = perc.group('modifiers').count('*')
                new_val.append(_format(perc.group(), val[i], grouping, monetary,
                                       *val[i + 1:i + 1 + starcount]))
                i += 1 + starcount
    return new_f % tuple(new_val)


def currency(val, symbol=True, grouping=False, international=False):
    conv = localeconv()
    digits = conv['int_frac_digits' if international else 'frac_digits']
    if digits == 127:
        raise ValueError("Currency formatting is not possible using the 'C' locale.")
    s = _format('%%.%if' % digits, abs(val), grouping, monetary=True)
    s = '<' + s + '>'
    if symbol:
        smb = conv['int_curr_symbol' if international else 'currency_symbol']
        precedes = conv['n_cs_precedes' if val < 0 else 'p_cs_precedes']
        separated = conv['n_sep_by_space' if val < 0 else 'p_sep_by_space']
        if precedes:
            s = smb + (separated and ' ' or '') + s
        else:
            if international and smb[-1] == ' ':
                smb = smb[:-1]
            s = s + (separated and ' ' or '') + smb
    sign_pos = conv['n_sign_posn' if val < 0 else 'p_sign_posn']
    sign = conv['negative_sign' if val < 0 else 'positive_sign']
    if sign_pos == 0:
        s = '(' + s + ')'
    elif sign_pos == 1:
        s = sign + s
    elif sign_pos == 2:
        s = s + sign
    elif sign_pos == 3:
        s = s.replace('<', sign)
    elif sign_pos == 4:
        s = s.replace('>', sign)
    else:
        s = sign + s
    return s.replace('<', '').replace('>', '')


def str(val):
    return _format("%.12g", val)


def delocalize(string):
    conv = localeconv()
    ts = conv['thousands_sep']
    if ts:
        string = string.replace(ts, '')
    dd = conv['decimal_point']
    if dd:
        string = string.replace(dd, '.')
    return string


def localize(string, grouping=False, monetary=False):
    conv = localeconv()
    decimal_point = conv['mon_decimal_point' if monetary else 'decimal_point']
    parts = string.split('.')
    if grouping:
        parts[0], _ = _group(parts[0], monetary=monetary)
    return decimal_point.join(parts)


def atof(string, func=float):
    return func(delocalize(string))


def atoi(string):
    return int(delocalize(string))
