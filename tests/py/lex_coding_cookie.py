# -*- coding: utf-8 -*-
# An explicit source-encoding declaration (PEP 263) on the first line is accepted.
s = "café ☕"
print(s, len(s), s.encode())
