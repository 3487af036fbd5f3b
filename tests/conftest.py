import difflib
import shutil
import sys
from pathlib import Path

import pytest

# Test helpers (seedmatch.py, sample_report.py, gitrepo.py, contract.py, cases.py) import as top-level modules.
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
    parser.addoption(
        "--update-snapshots",
        action="store_true",
        help="rewrite the expected outputs under tests/snapshots/ instead of comparing with them",
    )


@pytest.fixture
def screenshot_path(request, tmp_path):
    """Where a browser test saves its screenshot: reports/<name> with --update-screenshots, else tmp_path."""

    def path(name: str) -> Path:
        if request.config.getoption("--update-screenshots"):
            return Path(__file__).resolve().parents[1] / "reports" / name
        return tmp_path / name

    return path


SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.fixture
def snapshot(request):
    """Compare text with tests/snapshots/<name>, failing with a unified diff; --update-snapshots rewrites it."""

    def check(name: str, text: str) -> None:
        path = SNAPSHOTS / name
        if request.config.getoption("--update-snapshots"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        expected = path.read_text(encoding="utf-8") if path.exists() else ""
        if text != expected:
            diff = difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"tests/snapshots/{name} (expected)",
                f"{name} (this run)",
            )
            pytest.fail(
                f"{name} differs from its snapshot; if the change is intended, run "
                f"`python -m pytest tests/test_snapshots.py --update-snapshots` and review the diff:\n" + "".join(diff),
                pytrace=False,
            )

    return check
