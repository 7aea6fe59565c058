"""Token constants (the numbering of CPython 3.13's Grammar/Tokens)."""

_NAMES = """ENDMARKER NAME NUMBER STRING NEWLINE INDENT DEDENT LPAR RPAR LSQB RSQB COLON COMMA SEMI PLUS MINUS STAR
SLASH VBAR AMPER LESS GREATER EQUAL DOT PERCENT LBRACE RBRACE EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL TILDE
CIRCUMFLEX LEFTSHIFT RIGHTSHIFT DOUBLESTAR PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL PERCENTEQUAL AMPEREQUAL
VBAREQUAL CIRCUMFLEXEQUAL LEFTSHIFTEQUAL RIGHTSHIFTEQUAL DOUBLESTAREQUAL DOUBLESLASH DOUBLESLASHEQUAL AT ATEQUAL
RARROW ELLIPSIS COLONEQUAL EXCLAMATION OP TYPE_IGNORE TYPE_COMMENT SOFT_KEYWORD FSTRING_START FSTRING_MIDDLE
FSTRING_END COMMENT NL ERRORTOKEN ENCODING N_TOKENS""".split()

# The operator spelled by each exact token type, in the order of _NAMES from LPAR.
_OPS = "( ) [ ] : , ; + - * / | & < > = . % { } == != <= >= ~ ^ << >> ** += -= *= /= %= &= |= ^= <<= >>= **= // //= @ @= -> ... := !".split()

tok_name = {}
for _value, _name in enumerate(_NAMES):
    globals()[_name] = _value
    tok_name[_value] = _name
NT_OFFSET = 256
tok_name[NT_OFFSET] = "NT_OFFSET"

EXACT_TOKEN_TYPES = {op: LPAR + i for i, op in enumerate(_OPS)}
EXACT_TOKEN_TYPES = dict(sorted(EXACT_TOKEN_TYPES.items()))

__all__ = ["tok_name", "ISTERMINAL", "ISNONTERMINAL", "ISEOF"] + _NAMES + ["NT_OFFSET"]
del _value, _name


def ISTERMINAL(x):
    return x < NT_OFFSET


def ISNONTERMINAL(x):
    return x >= NT_OFFSET


def ISEOF(x):
    return x == ENDMARKER
