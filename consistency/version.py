"""The installed package's version, apart from the package's public API so that any stage can name it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("consistency")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
