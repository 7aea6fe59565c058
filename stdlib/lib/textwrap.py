"""Text wrapping and filling (CPython 3.13's textwrap).

CPython splits text into chunks with a regular expression; Krait has no re module, so the splitter
below is a hand-written scanner that produces the same chunks: runs of whitespace, words, words
broken after the hyphens of hyphenated words ("long-" "term"), and em-dashes ("--") between words.
"""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

# Only ASCII whitespace separates words (as CPython: a no-break space is part of a word).
_whitespace = "\t\n\x0b\x0c\r "
_ws_trans = {ord(c): " " for c in _whitespace}


def _is_word(c):
    """Regex \\w."""
    return c.isalnum() or c == "_"


def _is_letter(c):
    """Regex [^\\d\\W]: word characters other than digits."""
    return (c.isalnum() or c == "_") and not c.isdigit()


def _is_word_punct(c):
    """CPython's word_punct: [\\w!"'&.,?]."""
    return _is_word(c) or c in "!\"'&.,?"


def _split_hyphenated(text):
    """The chunks of CPython's wordsep_re (break_on_hyphens=True)."""
    chunks = []
    n = len(text)
    ws = _whitespace
    i = 0
    while i < n:
        c = text[i]
        if c in ws:
            j = i + 1
            while j < n and text[j] in ws:
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        # An em-dash between words: two or more hyphens after word punctuation, before a word.
        if c == "-" and i > 0 and _is_word_punct(text[i - 1]):
            j = i
            while j < n and text[j] == "-":
                j += 1
            if j - i >= 2 and j < n and _is_word(text[j]):
                chunks.append(text[i:j])
                i = j
                continue
        # A word: the shortest run of non-whitespace that ends at a hyphenation point, before
        # whitespace or the end, or before an em-dash.
        j = i + 1
        while True:
            if j >= n or text[j] in ws:
                chunks.append(text[i:j])
                break
            d = text[j]
            if d == "-":
                before = (j >= 2 and _is_letter(text[j - 2]) and _is_letter(text[j - 1])) or (
                    j >= 3 and _is_letter(text[j - 3]) and text[j - 2] == "-" and _is_letter(text[j - 1]))
                after = j + 1 < n and _is_letter(text[j + 1]) and (
                    (j + 2 < n and _is_letter(text[j + 2])) or
                    (j + 3 < n and text[j + 2] == "-" and _is_letter(text[j + 3])))
                if before and after:
                    j += 1
                    chunks.append(text[i:j])
                    break
                if _is_word_punct(text[j - 1]) and j + 1 < n and text[j + 1] == "-":
                    k = j
                    while k < n and text[k] == "-":
                        k += 1
                    if k < n and _is_word(text[k]):
                        chunks.append(text[i:j])
                        break
            j += 1
        i = j
    return chunks


def _split_simple(text):
    """Runs of whitespace and runs of anything else (break_on_hyphens=False)."""
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        ws = text[i] in _whitespace
        j = i + 1
        while j < n and (text[j] in _whitespace) == ws:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _is_sentence_end(chunk):
    """CPython's sentence_end_re: [a-z][.!?]["']?\\Z."""
    k = len(chunk)
    if k and chunk[-1] in "\"'":
        k -= 1
    return k >= 2 and chunk[k - 1] in ".!?" and "a" <= chunk[k - 2] <= "z"


class TextWrapper:
    """Wraps paragraphs of text to a width; see the module functions for the common uses."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(_ws_trans)
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            chunks = _split_hyphenated(text)
        else:
            chunks = _split_simple(text)
        return [c for c in chunks if c]

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _is_sentence_end(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            if lines:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if cur_len + n <= width:
                    cur_line.append(chunks.pop())
                    cur_len += n
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                        (not chunks or
                         self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip()) and
                        cur_len <= width):
                    lines.append(indent + "".join(cur_line))
                else:
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + "".join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """The lines of text wrapped to width, without final newlines."""
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    """text wrapped to width, as one string."""
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    """text with its whitespace collapsed, truncated with a placeholder to fit in width."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    """Remove the whitespace prefix common to every non-blank line.

    Lines made only of spaces and tabs are emptied first, and do not count toward the margin."""
    lines = text.split("\n")
    margin = None
    for i, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        if not stripped:
            if line:
                lines[i] = ""
            continue
        ind = line[:len(line) - len(stripped)]
        if margin is None:
            margin = ind
        elif ind.startswith(margin):
            pass
        elif margin.startswith(ind):
            margin = ind
        else:
            for k, (x, y) in enumerate(zip(margin, ind)):
                if x != y:
                    margin = margin[:k]
                    break
    if margin:
        n = len(margin)
        lines = [line[n:] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the lines of text for which predicate is true (default: non-blank lines)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line for line in text.splitlines(True))
