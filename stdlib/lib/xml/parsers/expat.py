"""Interface to the Expat non-validating XML parser."""
from pyexpat import *
from pyexpat import errors, model
