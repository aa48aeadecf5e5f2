"""Every command and every setting must be documented: these tests fail when one is added silently."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from newsgraph import config
from newsgraph.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _documentation() -> str:
    parts = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in parts if p.exists())


def test_every_cli_command_is_documented() -> None:
    docs = _documentation()
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert commands, "the CLI has no commands"
    missing = [name for name in commands if f"newsgraph {name}" not in docs]
    assert not missing, f"commands not documented in README.md or docs/: {missing}"


def test_every_setting_is_documented() -> None:
    docs = _documentation()
    package = Path(config.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
    settings = set(re.findall(r"NEWSGRAPH_[A-Z0-9_]*[A-Z0-9]", source))
    assert settings, "no settings found in the package"
    missing = sorted(s for s in settings if f"`{s}`" not in docs)
    assert not missing, f"settings not documented in README.md or docs/: {missing}"


def test_every_error_code_is_documented() -> None:
    from newsgraph import errors

    docs = _documentation()
    codes = {
        cls.code
        for cls in vars(errors).values()
        if isinstance(cls, type)
        and issubclass(cls, errors.NewsgraphError)
        and cls is not errors.NewsgraphError
    }
    missing = sorted(code for code in codes if code not in docs)
    assert not missing, f"error codes not documented: {missing}"
