"""The package's layout is its architecture: stage folders, imports in stage order, no cycles,
Prefect only under flows/, small modules, and docs that name what is there.

Read from the source (the AST), so a test fails on the import that breaks a rule, wherever it sits
(module level or inside a function)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from warehouse.extraction.version import EXTRACTOR_CODE, NOT_EXTRACTOR_CODE, extractor_modules
from warehouse.paths import PACKAGE_DIR, PROJECT_ROOT

# The stages in the order a run goes through them: a module may import its own stage, an
# earlier one, or a shared top-level module, never a later stage.
STAGES = ("reading", "extraction", "storage", "stories", "search", "evaluation", "training", "dashboard")
SHARED = ("warehouse", "warehouse.paths", "warehouse.seeds", "warehouse.config")   # `warehouse` holds __version__
# Above every stage: may import any of them.
COMMAND_AND_RUN = ("warehouse.cli", "warehouse.commands", "warehouse.ingest")
# __init__ and a handful: the command line and its reading commands, settings, a run's steps,
# shared paths and seeds.
TOP_MODULES_AT_MOST = 7
MAX_LINES = 600


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE_DIR.rglob("*.py"))}
FLOWS = {module_name(path): path for path in sorted((PROJECT_ROOT / "flows").glob("*.py"))}


def imported(path: Path) -> set[str]:
    """Every module `path` imports, anywhere in it (relative imports resolved); `from pkg import
    name` counts as `pkg.name` when that is a module of ours, else as `pkg`. Imports made by
    `importlib` are not seen: the library makes none."""
    names = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                base = ".".join(parent + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                names.add(full if full in MODULES or full in FLOWS else base)
    return names


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in STAGES) else None


def own_imports(module: str) -> set[str]:
    return {name for name in imported(MODULES[module]) if name in MODULES}


def test_there_are_modules_to_check():
    assert {"warehouse.cli", "warehouse.extraction.amounts.scan", "warehouse.storage.db"} <= set(MODULES)
    assert "warehouse.extraction.amounts" in own_imports("warehouse.extraction.extract")


def test_every_folder_of_the_library_is_a_stage():
    folders = {path.parent.relative_to(PACKAGE_DIR).parts[0] for path in PACKAGE_DIR.rglob("*.py")
               if path.parent != PACKAGE_DIR}
    assert folders == set(STAGES)


def test_the_top_of_the_library_holds_a_handful_of_modules():
    top = sorted(path.name for path in PACKAGE_DIR.glob("*.py"))
    assert len(top) <= TOP_MODULES_AT_MOST, f"new modules belong in a stage folder: {top}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_over_the_size_a_reader_takes_in_one_sitting(module):
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module}: {lines} lines"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_prefect_is_imported_only_under_flows(module):
    forbidden = {name for name in imported(MODULES[module]) if name.split(".")[0] in ("prefect", "prefect_dask")}
    assert not forbidden, f"{module} imports {sorted(forbidden)}"
    if module != "warehouse.cli":   # the command starts flows (inside its commands)
        assert not any(name.split(".")[0] == "flows" for name in imported(MODULES[module])), module


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_to_the_same_or_an_earlier_stage(module):
    stage = stage_of(module)
    for name in own_imports(module):
        target = stage_of(name)
        if module in COMMAND_AND_RUN:
            continue
        if name in COMMAND_AND_RUN:
            pytest.fail(f"{module} imports {name}: stages never import the command or the run")
        if stage is None:   # a shared module: depends on nothing but other shared modules
            assert name in SHARED, f"shared {module} imports {name}"
        elif target is not None:
            assert STAGES.index(target) <= STAGES.index(stage), f"{module} ({stage}) imports {name} ({target})"


def test_no_import_cycles():
    # Importing `pkg.module` runs `pkg/__init__.py` first, but that is Python's loading order,
    # not a dependency of ours: only the import statements make edges (an import of the package
    # itself, `from warehouse.extraction.amounts import ...`, is an edge to its __init__).
    graph = {module: own_imports(module) for module in MODULES}
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = "open"
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                cycle = path[path.index(target):] + [target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_every_reading_and_extraction_module_is_declared_as_deciding_rows_or_not():
    deciding = {path.relative_to(PACKAGE_DIR).as_posix() for path in extractor_modules()}
    declared = deciding | set(NOT_EXTRACTOR_CODE)
    present = {path.relative_to(PACKAGE_DIR).as_posix() for stage in ("reading", "extraction")
               for path in (PACKAGE_DIR / stage).rglob("*.py")}
    assert present <= declared, f"add {sorted(present - declared)} to EXTRACTOR_CODE or NOT_EXTRACTOR_CODE"
    assert all((PACKAGE_DIR / name).is_file() for name in declared - present), "a declared module is gone"
    assert not deciding & set(NOT_EXTRACTOR_CODE)
    assert all((PACKAGE_DIR / name).exists() for name in EXTRACTOR_CODE)


def readme_layout() -> str:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    return section.split("```", 2)[1]


def test_the_readme_layout_names_every_folder_and_only_folders_that_exist():
    # `  reading/   ...`: a folder at the start of a line of the tree, indented under its parent.
    named, parents = set(), []
    for line in readme_layout().splitlines():
        match = re.match(r"^( *)([a-z_]+)/\s", line)
        if not match:
            continue
        depth = len(match.group(1)) // 2
        parents[depth:] = [match.group(2)]
        named.add("/".join(parents))
    library = {path.parent.relative_to(PROJECT_ROOT).as_posix() for path in PACKAGE_DIR.rglob("__init__.py")}
    assert library <= named, f"missing from the README layout: {sorted(library - named)}"
    assert all((PROJECT_ROOT / folder).is_dir() for folder in named), sorted(f for f in named if not (PROJECT_ROOT / f).is_dir())


@pytest.mark.parametrize("package", sorted(m for m, p in MODULES.items() if p.name == "__init__.py" and m != "warehouse"))
def test_each_stage_package_docstring_names_its_modules(package):
    """The map inside each folder is its `__init__` docstring: every module is named there."""
    init = MODULES[package]
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    children = [path for path in sorted(init.parent.iterdir())
                if (path.suffix == ".py" and path.name != "__init__.py") or (path / "__init__.py").exists()]
    missing = [path.stem for path in children if not re.search(rf"`{path.stem}(/|\.py)?`", doc)]
    assert not missing, f"{package}'s docstring does not name {missing}"


def test_the_readme_layout_names_the_top_level_modules():
    layout = readme_layout()
    for path in PACKAGE_DIR.glob("*.py"):
        if path.name != "__init__.py":
            assert re.search(rf"(?<![\w/.]){re.escape(path.name)}\b", layout), path.name
