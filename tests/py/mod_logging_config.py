# logging.config: dictConfig (formatters, filters, handlers, loggers, root, incremental, errors) and
# fileConfig through configparser.
import io
import logging
import logging.config
import logging.handlers
import os
import sys
import tempfile

class Upper(logging.Filter):
    def __init__(self, word='x'):
        logging.Filter.__init__(self)
        self.word = word
    def filter(self, record):
        record.msg = '%s %s' % (self.word, record.msg)
        return True

def show(name):
    lg = logging.getLogger(name)
    print(name, logging.getLevelName(lg.level), lg.propagate, lg.disabled,
          [type(h).__name__ + ':' + str(h.name) for h in lg.handlers])

pre = logging.getLogger('old.existing')
pre_child = logging.getLogger('app.child')

logging.config.dictConfig({
    'version': 1,
    'formatters': {
        'brief': {'format': '%(levelname)s %(name)s: %(message)s'},
        'brace': {'format': '{levelname}|{message}', 'style': '{'},
        'custom': {'()': logging.Formatter, 'fmt': '[custom] %(message)s'},
    },
    'filters': {
        'only_app': {'name': 'app'},
        'tag': {'()': Upper, 'word': 'TAG'},
    },
    'handlers': {
        'out': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout',
                'formatter': 'brief', 'level': 'INFO', 'filters': ['only_app']},
        'braced': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout',
                   'formatter': 'brace', 'filters': ['tag']},
        'mem': {'class': 'logging.handlers.MemoryHandler', 'capacity': 2, 'target': 'out',
                'flushLevel': 'ERROR'},
        'fact': {'()': 'logging.StreamHandler', 'stream': 'ext://sys.stdout',
                 'formatter': 'custom', '.': {'extra_attr': 7}},
    },
    'loggers': {
        'app': {'level': 'DEBUG', 'handlers': ['out'], 'propagate': False},
        'app.db': {'handlers': ['braced'], 'level': 20},
        'buffered': {'handlers': ['mem'], 'propagate': False, 'level': 'DEBUG'},
    },
    'root': {'level': 'WARNING', 'handlers': ['fact']},
})
for name in ['app', 'app.db', 'app.child', 'buffered', 'old.existing', '']:
    show(name)
print(logging.getHandlerByName('fact').extra_attr, sorted(logging.getHandlerNames()))
logging.getLogger('app').debug('debug dropped by handler level')
logging.getLogger('app').info('info from app')
logging.getLogger('app.db').info('db info')
logging.getLogger('app.child').warning('child warns')
logging.getLogger('old.existing').error('disabled, not shown')
logging.getLogger('other').warning('to root')
logging.getLogger('buffered').info('b1')
print('-- before flush')
logging.getLogger('buffered').info('b2')
logging.getLogger('buffered').critical('b3 is not app: filtered by out')

# incremental: only levels change
logging.config.dictConfig({'version': 1, 'incremental': True,
                           'handlers': {'out': {'level': 'ERROR'}},
                           'loggers': {'app': {'level': 'ERROR'}}})
show('app')
logging.getLogger('app').warning('suppressed now')
logging.getLogger('app').error('error passes')

# errors
bad_configs = [
    {},
    {'version': 2},
    {'version': 1, 'handlers': {'h': {'class': 'no.such.Handler'}}},
    {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'formatter': 'nope'}}},
    {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'level': 'LOUD'}}},
    {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'bogus': 1}}},
    {'version': 1, 'loggers': {'a': {'handlers': ['missing']}}},
    {'version': 1, 'loggers': {'a': {'level': 'NOPE'}}},
    {'version': 1, 'root': {'level': 'NOPE'}},
    {'version': 1, 'formatters': {'f': {'class': 'nomodule.Fmt'}}},
    {'version': 1, 'formatters': {'f': {'format': '%(message)s', 'style': '?'}}},
    {'version': 1, 'filters': {'f': {'()': 'no_module_here.Thing'}}},
    {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'filters': ['ghost']}}},
    {'version': 1, 'incremental': True, 'handlers': {'ghost': {'level': 'INFO'}}},
]
for cfg in bad_configs:
    try:
        logging.config.dictConfig(cfg)
        print('configured', cfg)
    except Exception as e:
        cause = e.__cause__
        print(type(e).__name__, e, '<-', type(cause).__name__ if cause else None)
print(logging.config.valid_ident('ok_name'))
try:
    logging.config.valid_ident('not ok')
except ValueError as e:
    print('ValueError', e)

# cfg:// references
logging.config.dictConfig({
    'version': 1,
    'custom': {'stream': 'ext://sys.stdout', 'fmt': '<%(message)s>'},
    'formatters': {'f': {'format': 'cfg://custom.fmt'}},
    'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'cfg://custom[stream]',
                       'formatter': 'f'}},
    'root': {'handlers': ['h'], 'level': 'INFO'},
    'disable_existing_loggers': False,
})
logging.getLogger('cfgref').info('via cfg refs')

# fileConfig
INI = """\
[loggers]
keys=root,svc

[handlers]
keys=console,rot

[formatters]
keys=plain,dated

[logger_root]
level=WARNING
handlers=console

[logger_svc]
level=DEBUG
handlers=console,rot
propagate=0
qualname=svc.core

[handler_console]
class=StreamHandler
level=INFO
formatter=plain
args=(sys.stdout,)

[handler_rot]
class=handlers.RotatingFileHandler
level=DEBUG
formatter=plain
args=('%(logfile)s', 'a', 1000, 2)

[formatter_plain]
format=%(name)s %(levelname)s %(message)s

[formatter_dated]
format={asctime} {message}
style={
datefmt=%Y
"""
with tempfile.TemporaryDirectory() as d:
    logfile = os.path.join(d, 'svc.log')
    ini = os.path.join(d, 'log.ini')
    with open(ini, 'w') as f:
        f.write(INI)
    logging.getLogger('svc.core.sub')
    logging.config.fileConfig(ini, defaults={'logfile': logfile})
    show('svc.core'); show(''); show('svc.core.sub'); show('cfgref')
    logging.getLogger('svc.core').debug('debug to file only')
    logging.getLogger('svc.core').info('info to both')
    logging.getLogger('svc.core.sub').info('sub propagates')
    logging.getLogger('elsewhere').error('root console')
    logging.shutdown()
    with open(logfile) as f:
        print(repr(f.read()))
    empty = os.path.join(d, 'empty.ini')
    open(empty, 'w').close()
    broken = os.path.join(d, 'broken.ini')
    with open(broken, 'w') as f:
        f.write("[loggers]\nkeys=root\nnonsense line\n")
    for target in [os.path.join(d, 'missing.ini'), empty, broken]:
        try:
            logging.config.fileConfig(target)
        except (FileNotFoundError, RuntimeError) as e:
            print(type(e).__name__, str(e).replace(d, 'DIR'))
    logging.config.fileConfig(io.StringIO(INI.replace('%(logfile)s', logfile)))
    show('svc.core')
    logging.shutdown()
