import shutil
import sys
from pathlib import Path

import pytest

# Test helpers (seedmatch.py, sample_report.py, gitrepo.py) import as top-level modules.
sys.path.insert(0, str(Path(__file__).parent))

from gitrepo import commit, git  # noqa: E402  (importable once the folder is on sys.path)
from seedmatch import SEEDS  # noqa: E402


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A newsroom repository holding the seeds, with CI's working folder at its root."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    git(tmp_path, "init", "-q")
    commit(tmp_path, "archive")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pytest_addoption(parser):
    parser.addoption(
        "--update-screenshots",
        action="store_true",
        help="rewrite the screenshots under reports/ that the README links (otherwise they go to a temporary folder)",
    )


@pytest.fixture
def screenshot_path(request, tmp_path):
    """Where a browser test saves its screenshot: reports/<name> with --update-screenshots, else tmp_path."""

    def path(name: str) -> Path:
        if request.config.getoption("--update-screenshots"):
            return Path(__file__).resolve().parents[1] / "reports" / name
        return tmp_path / name

    return path
