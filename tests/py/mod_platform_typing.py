# platform and typing: only version-independent facts.
import platform
import sys
from typing import Callable, List, Dict, Any, Optional, Tuple, Union
impl = platform.python_implementation()
print(type(impl).__name__, len(impl) > 0, isinstance(platform.python_version(), str))
print(platform.python_version().count(".") >= 1, platform.system() in ("Linux", "Darwin", "Windows"))
vt = platform.python_version_tuple()
print(len(vt), all(isinstance(x, str) for x in vt))
def apply(f: Callable[[int], int], xs: List[int]) -> Dict[str, Any]:
    return {"result": [f(x) for x in xs]}
def maybe(x: Optional[int] = None) -> Tuple[int, ...]:
    return (x or 0,)
def either(v: Union[int, str]) -> str:
    return str(v)
print(apply(lambda x: x + 1, [1, 2]), maybe(), maybe(5), either(3))
print(hasattr(sys.flags, "optimize"), sys.flags.optimize)
