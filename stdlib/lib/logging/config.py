"""logging.config for Krait: dictConfig() and fileConfig() with CPython 3.13's schema and messages.

dictConfig accepts version 1 dictionaries: formatters, filters, handlers (class or '()' factory,
level, formatter, filters, '.' properties, MemoryHandler target), loggers, root, incremental and
disable_existing_loggers; string values 'ext://mod.attr' name objects and 'cfg://path' other parts
of the configuration.  fileConfig reads the ini format through configparser.  listen() (a socket
server) is not supported and raises NotImplementedError.
"""

import configparser
import os
import re
import logging
import logging.handlers

DEFAULT_LOGGING_CONFIG_PORT = 9030

IDENTIFIER = re.compile(r'^[a-z_][a-z0-9_]*$', re.I)


def valid_ident(s):
    if not IDENTIFIER.match(s):
        raise ValueError('Not a valid Python identifier: %r' % s)
    return True


def _resolve(name):
    """The object named by a dotted path, importing modules along the way."""
    parts = name.split('.')
    used = parts.pop(0)
    found = __import__(used)
    for part in parts:
        used = used + '.' + part
        try:
            found = getattr(found, part)
        except AttributeError:
            __import__(used)
            found = getattr(found, part)
    return found


def _strip_spaces(items):
    return [x.strip() for x in items]


def _clear_existing_handlers():
    logging._handlers.clear()
    logging.shutdown(logging._handlerList[:])
    del logging._handlerList[:]


def _handle_existing_loggers(existing, child_loggers, disable_existing):
    """Loggers not named by the configuration are disabled, except descendants of named ones
    (which are reset to pass everything to their configured ancestor)."""
    root = logging.root
    for name in existing:
        logger = root.manager.loggerDict[name]
        if name in child_loggers:
            if not isinstance(logger, logging.PlaceHolder):
                logger.setLevel(logging.NOTSET)
                logger.handlers = []
                logger.propagate = True
        elif disable_existing:
            logger.disabled = True


def _note_children(name, existing, child_loggers):
    if name in existing:
        i = existing.index(name) + 1
        prefix = name + "."
        while i < len(existing):
            if existing[i].startswith(prefix):
                child_loggers.append(existing[i])
            i += 1
        existing.remove(name)


# ------------------------------------------------------------ fileConfig

def fileConfig(fname, defaults=None, disable_existing_loggers=True, encoding=None):
    if isinstance(fname, str):
        if not os.path.exists(fname):
            raise FileNotFoundError(f"{fname} doesn't exist")
        elif not os.path.getsize(fname):
            raise RuntimeError(f'{fname} is an empty file')
    if isinstance(fname, configparser.RawConfigParser):
        cp = fname
    else:
        try:
            cp = configparser.ConfigParser(defaults)
            if hasattr(fname, 'readline'):
                cp.read_file(fname)
            else:
                cp.read(fname, encoding=encoding or 'utf-8')
        except configparser.ParsingError as e:
            raise RuntimeError(f'{fname} is invalid: {e}')
    formatters = _create_formatters(cp)
    _clear_existing_handlers()
    handlers = _install_handlers(cp, formatters)
    _install_loggers(cp, handlers, disable_existing_loggers)


def _create_formatters(cp):
    names = cp["formatters"]["keys"]
    if not len(names):
        return {}
    formatters = {}
    for name in _strip_spaces(names.split(",")):
        sect = "formatter_%s" % name
        fs = cp.get(sect, "format", raw=True, fallback=None)
        dfs = cp.get(sect, "datefmt", raw=True, fallback=None)
        stl = cp.get(sect, "style", raw=True, fallback='%')
        dflt = cp.get(sect, "defaults", raw=True, fallback=None)
        cls = logging.Formatter
        class_name = cp[sect].get("class")
        if class_name:
            cls = _resolve(class_name)
        if dflt is not None:
            formatters[name] = cls(fs, dfs, stl, defaults=eval(dflt, vars(logging)))
        else:
            formatters[name] = cls(fs, dfs, stl)
    return formatters


def _install_handlers(cp, formatters):
    names = cp["handlers"]["keys"]
    if not len(names):
        return {}
    handlers = {}
    fixups = []
    for name in _strip_spaces(names.split(",")):
        section = cp["handler_%s" % name]
        klass = section["class"]
        fmt = section.get("formatter", "")
        try:
            klass = eval(klass, vars(logging))
        except (AttributeError, NameError):
            klass = _resolve(klass)
        args = eval(section.get("args", '()'), vars(logging))
        kwargs = eval(section.get("kwargs", '{}'), vars(logging))
        h = klass(*args, **kwargs)
        h.name = name
        if "level" in section:
            h.setLevel(section["level"])
        if len(fmt):
            h.setFormatter(formatters[fmt])
        if issubclass(klass, logging.handlers.MemoryHandler):
            target = section.get("target", "")
            if len(target):
                fixups.append((h, target))
        handlers[name] = h
    for h, target in fixups:
        h.setTarget(handlers[target])
    return handlers


def _install_loggers(cp, handlers, disable_existing):
    names = _strip_spaces(cp["loggers"]["keys"].split(","))
    names.remove("root")
    section = cp["logger_root"]
    root = logging.root
    if "level" in section:
        root.setLevel(section["level"])
    for h in root.handlers[:]:
        root.removeHandler(h)
    hlist = section["handlers"]
    if len(hlist):
        for hand in _strip_spaces(hlist.split(",")):
            root.addHandler(handlers[hand])
    existing = sorted(root.manager.loggerDict.keys())
    child_loggers = []
    for name in names:
        section = cp["logger_%s" % name]
        qn = section["qualname"]
        propagate = section.getint("propagate", fallback=1)
        logger = logging.getLogger(qn)
        _note_children(qn, existing, child_loggers)
        if "level" in section:
            logger.setLevel(section["level"])
        for h in logger.handlers[:]:
            logger.removeHandler(h)
        logger.propagate = propagate
        logger.disabled = 0
        hlist = section["handlers"]
        if len(hlist):
            for hand in _strip_spaces(hlist.split(",")):
                logger.addHandler(handlers[hand])
    _handle_existing_loggers(existing, child_loggers, disable_existing)


# ------------------------------------------------------------ dictConfig

_CONVERT = re.compile(r'^(?P<prefix>[a-z]+)://(?P<suffix>.*)$')
_WORD = re.compile(r'^\s*(\w+)\s*')
_DOT = re.compile(r'^\.\s*(\w+)\s*')
_INDEX = re.compile(r'^\[([^\[\]]*)\]\s*')
_DIGITS = re.compile(r'^\d+$')


class BaseConfigurator:
    """Value conversion shared by configurators: ext:// and cfg:// strings, dotted-path resolution."""

    value_converters = {'ext': 'ext_convert', 'cfg': 'cfg_convert'}
    importer = staticmethod(__import__)

    def __init__(self, config):
        self.config = config

    def resolve(self, s):
        try:
            return _resolve(s)
        except ImportError as e:
            raise ValueError('Cannot resolve %r: %s' % (s, e)) from e

    def ext_convert(self, value):
        return self.resolve(value)

    def cfg_convert(self, value):
        rest = value
        m = _WORD.match(rest)
        if m is None:
            raise ValueError("Unable to convert %r" % value)
        rest = rest[m.end():]
        d = self.config[m.groups()[0]]
        while rest:
            m = _DOT.match(rest)
            if m:
                d = d[m.groups()[0]]
            else:
                m = _INDEX.match(rest)
                if m:
                    idx = m.groups()[0]
                    if not _DIGITS.match(idx):
                        d = d[idx]
                    else:
                        try:
                            d = d[int(idx)]
                        except TypeError:
                            d = d[idx]
            if m:
                rest = rest[m.end():]
            else:
                raise ValueError('Unable to convert %r at %r' % (value, rest))
        return self.convert(d)

    def convert(self, value):
        if isinstance(value, dict):
            return {k: self.convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.convert(v) for v in value]
        if isinstance(value, tuple) and not hasattr(value, '_fields'):
            return tuple(self.convert(v) for v in value)
        if isinstance(value, str):
            m = _CONVERT.match(value)
            if m:
                converter = self.value_converters.get(m.group('prefix'))
                if converter:
                    return getattr(self, converter)(m.group('suffix'))
        return value

    def configure_custom(self, config):
        c = config.pop('()')
        if not callable(c):
            c = self.resolve(c)
        props = config.pop('.', None)
        kwargs = {k: config[k] for k in config if k != '.' and valid_ident(k)}
        result = c(**kwargs)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def as_tuple(self, value):
        if isinstance(value, list):
            value = tuple(value)
        return value


class DictConfigurator(BaseConfigurator):
    def configure(self):
        config = self.config
        if 'version' not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config['version'] != 1:
            raise ValueError("Unsupported version: %s" % config['version'])
        # Values are converted up front (ext:// and cfg:// resolved against the raw config).
        converted = {k: self.convert(v) for k, v in config.items()}
        self.config = config = converted
        incremental = config.pop('incremental', False)
        if incremental:
            handlers = config.get('handlers', {})
            for name in handlers:
                if name not in logging._handlers:
                    raise ValueError('No handler found with name %r' % name)
                level = handlers[name].get('level', None)
                if level:
                    logging._handlers[name].setLevel(logging._checkLevel(level))
            loggers = config.get('loggers', {})
            for name in loggers:
                try:
                    self.configure_logger(name, loggers[name], True)
                except Exception as e:
                    raise ValueError('Unable to configure logger %r' % name) from e
            root = config.get('root', None)
            if root:
                try:
                    self.configure_root(root, True)
                except Exception as e:
                    raise ValueError('Unable to configure root logger') from e
            return
        disable_existing = config.pop('disable_existing_loggers', True)
        _clear_existing_handlers()
        formatters = config.get('formatters', {})
        for name in formatters:
            try:
                formatters[name] = self.configure_formatter(formatters[name])
            except Exception as e:
                raise ValueError('Unable to configure formatter %r' % name) from e
        filters = config.get('filters', {})
        for name in filters:
            try:
                filters[name] = self.configure_filter(filters[name])
            except Exception as e:
                raise ValueError('Unable to configure filter %r' % name) from e
        handlers = config.get('handlers', {})
        deferred = []
        for name in sorted(handlers):
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                if ' not configured yet' in str(e.__cause__):
                    deferred.append(name)
                else:
                    raise ValueError('Unable to configure handler %r' % name) from e
        for name in deferred:
            try:
                handler = self.configure_handler(handlers[name])
                handler.name = name
                handlers[name] = handler
            except Exception as e:
                raise ValueError('Unable to configure handler %r' % name) from e
        root = logging.root
        existing = sorted(root.manager.loggerDict.keys())
        child_loggers = []
        loggers = config.get('loggers', {})
        for name in loggers:
            _note_children(name, existing, child_loggers)
            try:
                self.configure_logger(name, loggers[name])
            except Exception as e:
                raise ValueError('Unable to configure logger %r' % name) from e
        _handle_existing_loggers(existing, child_loggers, disable_existing)
        root_config = config.get('root', None)
        if root_config:
            try:
                self.configure_root(root_config)
            except Exception as e:
                raise ValueError('Unable to configure root logger') from e

    def configure_formatter(self, config):
        if '()' in config:
            factory = config['()']
            try:
                return self.configure_custom(dict(config))
            except TypeError as te:
                if "'format'" not in str(te):
                    raise
                config = dict(config)
                config['fmt'] = config.pop('format')
                config['()'] = factory
                return self.configure_custom(config)
        fmt = config.get('format', None)
        dfmt = config.get('datefmt', None)
        style = config.get('style', '%')
        cname = config.get('class', None)
        defaults = config.get('defaults', None)
        cls = _resolve(cname) if cname else logging.Formatter
        kwargs = {}
        if 'validate' in config:
            kwargs['validate'] = config['validate']
        if defaults is not None:
            kwargs['defaults'] = defaults
        return cls(fmt, dfmt, style, **kwargs)

    def configure_filter(self, config):
        if '()' in config:
            return self.configure_custom(dict(config))
        return logging.Filter(config.get('name', ''))

    def add_filters(self, filterer, filters):
        for f in filters:
            try:
                if callable(f) or callable(getattr(f, 'filter', None)):
                    filt = f
                else:
                    filt = self.config['filters'][f]
                filterer.addFilter(filt)
            except Exception as e:
                raise ValueError('Unable to add filter %r' % f) from e

    def configure_handler(self, config):
        original = dict(config)
        config = dict(config)
        formatter = config.pop('formatter', None)
        if formatter:
            try:
                formatter = self.config['formatters'][formatter]
            except Exception as e:
                raise ValueError('Unable to set formatter %r' % formatter) from e
        level = config.pop('level', None)
        filters = config.pop('filters', None)
        if '()' in config:
            factory = config.pop('()')
            if not callable(factory):
                factory = self.resolve(factory)
        else:
            cname = config.pop('class')
            klass = cname if callable(cname) else self.resolve(cname)
            if issubclass(klass, logging.handlers.MemoryHandler) and 'flushLevel' in config:
                config['flushLevel'] = logging._checkLevel(config['flushLevel'])
            if issubclass(klass, logging.handlers.MemoryHandler) and 'target' in config:
                tn = config['target']
                try:
                    th = self.config['handlers'][tn]
                    if not isinstance(th, logging.Handler):
                        raise TypeError('target not configured yet')
                    config['target'] = th
                except Exception as e:
                    raise ValueError('Unable to set target handler %r' % tn) from e
            factory = klass
        props = config.pop('.', None)
        kwargs = {k: config[k] for k in config if k != '.' and valid_ident(k)}
        try:
            result = factory(**kwargs)
        except TypeError as te:
            if "'stream'" not in str(te):
                raise
            kwargs['strm'] = kwargs.pop('stream')
            result = factory(**kwargs)
        del original
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._checkLevel(level))
        if filters:
            self.add_filters(result, filters)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def add_handlers(self, logger, handlers):
        for h in handlers:
            try:
                logger.addHandler(self.config['handlers'][h])
            except Exception as e:
                raise ValueError('Unable to add handler %r' % h) from e

    def common_logger_config(self, logger, config, incremental=False):
        level = config.get('level', None)
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if not incremental:
            for h in logger.handlers[:]:
                logger.removeHandler(h)
            handlers = config.get('handlers', None)
            if handlers:
                self.add_handlers(logger, handlers)
            filters = config.get('filters', None)
            if filters:
                self.add_filters(logger, filters)

    def configure_logger(self, name, config, incremental=False):
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        propagate = config.get('propagate', None)
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, config, incremental=False):
        self.common_logger_config(logging.getLogger(), config, incremental)


dictConfigClass = DictConfigurator


def dictConfig(config):
    dictConfigClass(config).configure()


def listen(port=DEFAULT_LOGGING_CONFIG_PORT, verify=None):
    raise NotImplementedError("logging.config.listen is not supported by Krait (no threads)")


def stopListening():
    pass
