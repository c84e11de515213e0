"""The wheel ships what the server reads at run time (the UI bundle and the schemas) and the compiled kernel.

The wheel is built (``pip wheel --no-deps --no-build-isolation``) from a copy of the checkout's
packaged folders, so the build's ``build/`` and ``*.egg-info`` never land in the checkout (where
the editable install keeps its own ``build/``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "server" / "static" / "fitscope-ui.js"
SOURCES = ("pyproject.toml", "setup.py", "README.md", "fitscope", "exporters", "server", "schemas")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from the checkout's sources."""
    src = tmp_path_factory.mktemp("src")
    for name in (*SOURCES, *(p.name for p in ROOT.glob("LICEN[CS]E*"))):
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.so", "*.pyd"))
        else:
            shutil.copy2(path, src / name)
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), "."],
        cwd=src,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("fitscope-*.whl")
    return built


def names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def test_wheel_ships_the_schemas(wheel: Path) -> None:
    shipped = names(wheel)
    expected = {f"fitscope/schemas/{p.name}" for p in (ROOT / "schemas").glob("*.schema.json")}
    assert expected and expected <= shipped
    assert "fitscope/schemas/openapi.json" in shipped
    assert "fitscope/py.typed" in shipped and "fitscope/server/pages.py" in shipped


def test_wheel_ships_the_compiled_kernel(wheel: Path) -> None:
    # Built where a C compiler exists (here, and in release wheels): the kernel and its types.
    shipped = names(wheel)
    assert [n for n in shipped if n.startswith("fitscope/_stats_kernel.") and n.endswith((".so", ".pyd"))]
    assert "fitscope/_stats_kernel.pyi" in shipped


def test_wheel_ships_the_ui_bundle(wheel: Path) -> None:
    # Not a skip: a wheel without the bundle serves pages that only say how to build it.
    assert BUNDLE.is_file(), f"{BUNDLE} is missing: build it first (cd frontend && npm ci && npm run build)"
    assert "fitscope/server/static/fitscope-ui.js" in names(wheel)
    with zipfile.ZipFile(wheel) as zf:
        assert zf.read("fitscope/server/static/fitscope-ui.js") == BUNDLE.read_bytes()


def test_the_installed_wheel_reads_its_own_files(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    code = (
        "import sys, fitscope, fitscope.server.pages as pages; from importlib import resources; "
        "from fitscope.server.schemas import load_documents; "
        "docs = load_documents(); "
        "print(fitscope.__file__); print(resources.files('fitscope') / 'schemas'); print(pages.STATIC_DIR); "
        "print(','.join(sorted(docs))); import fitscope.stats_kernel as k, fitscope._stats_kernel as c; "
        "print(k.kernel_error()); print(c.__file__)"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}  # ahead of the editable install in sys.path
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    package, schemas, static, docs, kernel_error, kernel = result.stdout.splitlines()
    assert kernel_error == "None"
    for path in (package, schemas, static, kernel):
        assert Path(path).is_relative_to(site), path
    expected = sorted(["openapi.json", *(p.name for p in (ROOT / "schemas").glob("*.schema.json"))])
    assert docs.split(",") == expected
