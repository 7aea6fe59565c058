from string import Template
t = Template("$who likes ${what}, $$5")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "a"}, what="b"), t.get_identifiers(), t.is_valid())
print(Template("$who and $x").safe_substitute(who="me"), Template("bad $").safe_substitute())
try: Template("$who").substitute()
except KeyError as e: print("KeyError", e)
try: Template("line\n  $ 3").substitute(a=1)
except ValueError as e: print(e)
class D(Template):
    delimiter = "%"
print(D("%x and %%").substitute(x=1), Template.delimiter)
class P(Template):
    pattern = r"@(?:(?P<escaped>@)|(?P<named>[a-z]+)|{(?P<braced>[a-z]+)}|(?P<invalid>))"
print(P("@a @{b} @@").substitute(a=1, b=2), Template("$a").template)
