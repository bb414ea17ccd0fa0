"""`wirehouse --version`, `python -m wirehouse` and help texts that show every default a user can change."""

import subprocess
import sys
from importlib.metadata import version

import pytest

import wirehouse
from wirehouse.cli import main
from wirehouse.settings import DEFAULT_BATCH_SIZE, DEFAULT_MAX_BYTES


def test_python_m_wirehouse_is_the_command_and_knows_its_version():
    done = subprocess.run([sys.executable, "-m", "wirehouse", "--version"], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, f"wirehouse {wirehouse.__version__}\n")
    assert wirehouse.__version__ == version("wirehouse")  # what pyproject.toml gave the installed package


def test_help_shows_the_defaults(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["run", "--help"])
    assert exited.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert f"--batch-size N files per batch task (default: {DEFAULT_BATCH_SIZE})" in text
    assert f"--max-bytes N larger files are rejected as oversize (default: {DEFAULT_MAX_BYTES})" in text
    assert "folders, files or globs (default: inbox)" in text
    assert "--warehouse DIR warehouse folder (default: $WIREHOUSE_DIR if set, else ./warehouse in the current" in text
    assert "(default: None)" not in text and "(default: False)" not in text
    with pytest.raises(SystemExit):
        main(["sql", "--help"])
    assert "(default: 40)" in capsys.readouterr().out
