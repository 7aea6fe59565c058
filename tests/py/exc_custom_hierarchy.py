# A custom exception hierarchy used by a small validator.
class ValidationError(Exception):
    def __init__(self, field, msg):
        super().__init__("%s: %s" % (field, msg))
        self.field = field
class MissingField(ValidationError):
    def __init__(self, field):
        super().__init__(field, "is required")
class BadType(ValidationError):
    def __init__(self, field, expected, got):
        super().__init__(field, "expected %s, got %s" % (expected.__name__, type(got).__name__))
SCHEMA = {"name": str, "age": int, "tags": list}
def validate(rec):
    errors = []
    for field, typ in SCHEMA.items():
        try:
            if field not in rec:
                raise MissingField(field)
            if not isinstance(rec[field], typ):
                raise BadType(field, typ, rec[field])
        except ValidationError as e:
            errors.append((type(e).__name__, e.field, str(e)))
    return errors
records = [{"name": "a", "age": 3, "tags": []}, {"name": 5, "tags": "x"}, {}]
for r in records:
    print(validate(r))
try:
    raise BadType("f", int, "s")
except MissingField:
    print("wrong")
except ValidationError as e:
    print("base caught", type(e).__name__, e, isinstance(e, Exception))
