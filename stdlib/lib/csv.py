"""csv: CSV parsing and writing (CPython 3.13's API).

The parser, the writer and the dialect registry are in _csv; this module adds the Dialect base class
for describing dialects as classes, the predefined excel / excel-tab / unix dialects, DictReader,
DictWriter and Sniffer.
"""

from _csv import (Error, __version__, writer, reader, register_dialect, unregister_dialect, get_dialect,
                  list_dialects, field_size_limit, QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE,
                  QUOTE_STRINGS, QUOTE_NOTNULL)
from _csv import Dialect as _Dialect

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "QUOTE_STRINGS", "QUOTE_NOTNULL",
           "Error", "Dialect", "excel", "excel_tab", "field_size_limit", "reader", "writer",
           "register_dialect", "get_dialect", "list_dialects", "Sniffer", "unregister_dialect",
           "DictReader", "DictWriter", "unix_dialect"]


class Dialect:
    """Describe a CSV dialect.

    This must be subclassed (see csv.excel).  Valid attributes are: delimiter, quotechar, escapechar,
    doublequote, skipinitialspace, lineterminator, quoting.
    """
    _name = ""
    _valid = False
    # Placeholders, to be overridden by subclasses.
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            # Re-raised as csv.Error, with a traceback that shows the user's code.
            raise Error(str(e)) from None


class excel(Dialect):
    """Describe the usual properties of Excel-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


register_dialect("excel", excel)


class excel_tab(excel):
    """Describe the usual properties of Excel-generated TAB-delimited files."""
    delimiter = '\t'


register_dialect("excel-tab", excel_tab)


class unix_dialect(Dialect):
    """Describe the usual properties of Unix-generated CSV files."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


register_dialect("unix", unix_dialect)


class DictReader:
    """Read rows as dicts keyed by fieldnames (by default, the first row).  Extra values of a long row go
    in a list under restkey; the missing keys of a short row get restval; blank rows are skipped."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames         # reads the header row when fieldnames were not given
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        names = self.fieldnames
        d = dict(zip(names, row))
        lf = len(names)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in names[lr:]:
                d[key] = self.restval
        return d

    @classmethod
    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


class DictWriter:
    """Write dicts as rows, in the order of fieldnames; missing keys are written as restval, and keys
    not in fieldnames raise ValueError (extrasaction='raise') or are dropped ('ignore')."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        extrasaction = extrasaction.lower()
        if extrasaction not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = rowdict.keys() - self.fieldnames
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))

    @classmethod
    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


class Sniffer:
    """Deduce the format of a CSV file (its dialect) and whether it has a header row."""

    def __init__(self):
        # Delimiters chosen first when several characters are equally consistent.
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        """Return a dialect (a Dialect subclass) matching the sample."""
        quotechar, doublequote, delimiter, skipinitialspace = self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample, delimiters)
        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL

        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        # Without any quoted field in the sample, assume '"'.
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    # Quoted text with a delimiter or a line boundary on each side, from the most to the least
    # telling context; the first pattern with any match is used.
    _QUOTED_PATTERNS = (
        r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?P=delim)',   # ,"x",
        r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?P<delim>[^\w\n"\'])(?P<space> ?)',    # "x",  at line start
        r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',   # ,"x"  at line end
        r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?:$|\n)')                             # "x"  alone on a line

    def _guess_quote_and_delimiter(self, data, delimiters):
        """(quotechar, doublequote, delimiter, skipinitialspace) from the quoted fields in data: the
        most frequent quote and delimiter around them; skipinitialspace when every delimiter seen
        was followed by a space.  ('', False, None, 0) when nothing looks quoted."""
        import re
        found = []
        for pattern in self._QUOTED_PATTERNS:
            regexp = re.compile(pattern, re.DOTALL | re.MULTILINE)
            found = regexp.findall(data)
            if found:
                break
        if not found:
            return ('', False, None, 0)
        slot = {name: index - 1 for name, index in regexp.groupindex.items()}
        quote_counts = {}
        delim_counts = {}
        spaced = 0
        for groups in found:
            q = groups[slot['quote']]
            if q:
                quote_counts[q] = quote_counts.get(q, 0) + 1
            if 'delim' not in slot:
                continue
            dl = groups[slot['delim']]
            if dl and (delimiters is None or dl in delimiters):
                delim_counts[dl] = delim_counts.get(dl, 0) + 1
            if groups[slot['space']]:
                spaced += 1
        quotechar = max(quote_counts, key=quote_counts.get)
        if delim_counts:
            delim = max(delim_counts, key=delim_counts.get)
            skipinitialspace = delim_counts[delim] == spaced
            if delim == '\n':       # probably a single-column file
                delim = ''
        else:
            delim = ''
            skipinitialspace = 0
        # A quoted field holding a doubled quote means doublequote.
        d = re.escape(delim)
        doubled = re.compile(r"((%s)|^)\W*%s[^%s\n]*%s[^%s\n]*%s\W*((%s)|$)" %
                             (d, quotechar, d, quotechar, d, quotechar, d), re.MULTILINE)
        return (quotechar, bool(doubled.search(data)), delim, skipinitialspace)

    def _guess_delimiter(self, data, delimiters):
        """(delimiter, skipinitialspace) for data without quoted fields, or ('', 0).

        A delimiter occurs the same number of times on (nearly) every line.  For each ASCII
        character, a histogram maps 'occurrences on a line' to 'number of lines'; its peak, less the
        lines off the peak, scores the character.  Lines are taken ten at a time; after each batch,
        the characters whose score covers every line read (relaxed step by step down to 90%) are
        candidates, and a single candidate wins.  Among several, the preferred list decides, then
        the highest (count, score).
        """
        lines = [line for line in data.split('\n') if line]
        nlines = len(lines)
        batch = min(10, nlines)
        histograms = {}
        scores = {}
        candidates = {}
        rounds = 0
        pos = 0
        while pos < nlines:
            rounds += 1
            for line in lines[pos:pos + batch]:
                for code in range(127):
                    ch = chr(code)
                    hist = histograms.get(ch)
                    if hist is None:
                        hist = histograms[ch] = {}
                    n = line.count(ch)
                    hist[n] = hist.get(n, 0) + 1
            for ch, hist in histograms.items():
                entries = list(hist.items())
                if len(entries) == 1:
                    if entries[0][0] != 0:
                        scores[ch] = entries[0]
                    continue
                peak = max(entries, key=lambda e: e[1])     # the first of equal peaks
                off_peak = sum(e[1] for e in entries) - peak[1]
                scores[ch] = (peak[0], peak[1] - off_peak)
            seen = float(min(batch * rounds, nlines))
            level = 1.0
            while not candidates and level >= 0.9:
                for ch, (count, score) in scores.items():
                    if count > 0 and score > 0 and score / seen >= level and (
                            delimiters is None or ch in delimiters):
                        candidates[ch] = (count, score)
                level -= 0.01
            if len(candidates) == 1:
                (delim,) = candidates
                return (delim, _spaced_after(lines[0], delim))
            pos += batch
        if not candidates:
            return ('', 0)
        for delim in self.preferred:
            if delim in candidates:
                return (delim, _spaced_after(lines[0], delim))
        delim = max((mode, ch) for ch, mode in candidates.items())[1]
        return (delim, _spaced_after(lines[0], delim))

    def has_header(self, sample):
        """Guess whether the first row is a header.  Each column whose next (up to 21) full-width rows
        all parse as numbers, or all have one length, votes: for a header if the first row's cell
        breaks that pattern, against if it fits.  Other columns abstain."""
        from io import StringIO
        rows = reader(StringIO(sample), self.sniff(sample))
        header = next(rows)
        width = len(header)
        # Column -> None (undecided), the number type, or an int length.
        kinds = {col: None for col in range(width)}
        checked = 0
        for row in rows:
            if checked > 20:
                break
            checked += 1
            if len(row) != width:
                continue
            for col in list(kinds):
                kind = _number_type
                try:
                    kind(row[col])
                except (ValueError, OverflowError):
                    kind = len(row[col])
                if kind != kinds[col]:
                    if kinds[col] is None:
                        kinds[col] = kind
                    else:
                        del kinds[col]          # mixed kinds: no vote
        votes = 0
        for col, kind in kinds.items():
            if isinstance(kind, int):
                votes += 1 if len(header[col]) != kind else -1
            else:
                try:
                    kind(header[col])
                except (ValueError, TypeError):
                    votes += 1
                else:
                    votes -= 1
        return votes > 0


def _spaced_after(line, delim):
    """True if every delim on the line is followed by a space."""
    return line.count(delim) == line.count(delim + ' ')


# has_header() recognises numeric cells with complex(), as CPython's does ('1j' is a number).
_number_type = complex
