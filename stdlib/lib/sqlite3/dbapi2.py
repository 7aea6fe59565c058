"""sqlite3.dbapi2: the same names as sqlite3 (the package re-exports them; older code imports this)."""
from sqlite3 import *
from sqlite3 import adapters, converters, PrepareProtocol, SQLITE_OK, SQLITE_DENY, SQLITE_IGNORE
