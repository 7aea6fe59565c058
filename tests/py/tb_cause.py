# raise ... from ...: both tracebacks with the "direct cause" separator.
class ConfigError(Exception):
    pass
def parse(text):
    return int(text)
def load(text):
    try:
        return parse(text)
    except ValueError as e:
        raise ConfigError("bad config value: " + text) from e
print(load("12"))
load("twelve")
