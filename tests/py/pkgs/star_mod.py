__all__ = ["public_a", "helper_b"]
public_a = "A"
helper_b = lambda: "B"
not_listed = "N"
_private = "P"
