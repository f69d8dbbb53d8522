"""What the tests share: the repository's example articles, the `chronicle` binary they
compare with, and the development data beside the checkout (skipped with a message when
absent)."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "articles"
SHARED = REPO.parent / "shared"
FOUNDING = SHARED / "articles" / "000_6ecb41acef5f7571.txt"


def _binary():
    if os.environ.get("CHRONICLE_BIN"):
        return Path(os.environ["CHRONICLE_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    for profile in ("debug", "release"):
        path = target / profile / "chronicle"
        if path.exists():
            return path
    return target / "debug" / "chronicle"


@pytest.fixture(scope="session")
def cli():
    """Runs the `chronicle` binary: returns (exit code, stdout, stderr)."""
    binary = _binary()
    if not binary.exists():
        message = f"{binary}: no chronicle binary (cargo build -p chronicle, or set CHRONICLE_BIN)"
        if os.environ.get("CHRONICLE_REQUIRE_CLI"):
            pytest.fail(message)
        pytest.skip(message)

    def run(*args, stdin=None):
        done = subprocess.run(
            [str(binary), *map(str, args)], input=stdin, capture_output=True, text=True
        )
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.fixture(scope="session")
def example_records():
    """The example articles as records named as `chronicle extract` names their files."""
    files = sorted(EXAMPLES.glob("*.txt"))
    assert files, f"no example articles in {EXAMPLES}"
    return [{"id": f.stem, "text": f.read_text(encoding="utf-8")} for f in files]


def canonical(obj):
    """The form both sides are compared in: json.dumps with sorted keys."""
    return json.dumps(obj, sort_keys=True)


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]
