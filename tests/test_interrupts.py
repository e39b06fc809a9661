"""Kills and Ctrl-C at any instant of a build: exports/ holds the complete old set or the
complete new set, the exit code says what happened, and store repairs are said."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heroes_kg.pipeline import build
from heroes_kg.project import find_project

from .conftest import ROOT, copy_project

pytestmark = pytest.mark.slow


def _rename(root: Path, old: str, new: str) -> None:
    facts = root / "seeds" / "facts" / "cast.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(f"name: {old}\n",
                                                                f"name: {new}\n"),
                     encoding="utf-8")


def _exports(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


class Versions(dict):  # type: ignore[type-arg]
    """The complete export set of each version of the seeds (a short repr for
    hypothesis' reports)."""

    def __repr__(self) -> str:
        return f"<export sets of {', '.join(self)}>"


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """The complete export set for each of two versions of the seeds."""
    found = Versions()
    for name in ("Tech-No", "Tech-Yes"):
        scratch = copy_project(tmp_path_factory.mktemp("version") / "p")
        _rename(scratch, "Tech-No", name)
        build(find_project(scratch))
        found[name] = _exports(scratch / "exports")
    assert found["Tech-No"].keys() == found["Tech-Yes"].keys()
    return found


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("killed") / "p")
    build(find_project(project))
    return project


def _start_build(root: Path, *, force: bool = True) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "heroes_kg", "build", *(["--force"] if force else []),
         "--project", str(root)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))


def _flip(root: Path) -> None:
    text = (root / "seeds" / "facts" / "cast.yaml").read_text(encoding="utf-8")
    if "name: Tech-No\n" in text:
        _rename(root, "Tech-No", "Tech-Yes")
    else:
        _rename(root, "Tech-Yes", "Tech-No")


def _one_whole_set(root: Path, versions: dict[str, dict[str, bytes]]) -> str:
    seen = _exports(root / "exports")
    matching = [name for name, files in versions.items() if files == seen]
    assert len(matching) == 1, sorted(
        (name, [f for f in files if seen.get(f) != files[f]]) for name, files in
        versions.items())
    return matching[0]


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(instant=st.floats(0.3, 2.5))
def test_sigkill_at_any_instant_leaves_the_old_set_or_the_new_set(
        root: Path, versions: dict[str, dict[str, bytes]], instant: float) -> None:
    _flip(root)
    process = _start_build(root)
    time.sleep(instant)
    process.kill()
    process.communicate()  # reaps it and closes its pipes
    _one_whole_set(root, versions)


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(instant=st.floats(0.3, 2.5))
def test_sigkill_of_an_incremental_build_leaves_the_old_set_or_the_new_set(
        root: Path, versions: dict[str, dict[str, bytes]], instant: float) -> None:
    """An incremental build works on a copy of the store (a checkpoint) that it changes:
    killed at any instant, exports/ is whole and the next build is right."""
    _flip(root)
    process = _start_build(root, force=False)
    time.sleep(instant)
    process.kill()
    process.communicate()
    _one_whole_set(root, versions)
    build(find_project(root))
    assert _one_whole_set(root, versions) == _current(root)
    assert not (root / ".heroes-kg" / "store.checkpoint").exists()


def _current(root: Path) -> str:
    text = (root / "seeds" / "facts" / "cast.yaml").read_text(encoding="utf-8")
    return "Tech-Yes" if "name: Tech-Yes\n" in text else "Tech-No"


#: The ``heroes-kg`` command's entry point, run after writing a byte to the pipe given
#: first: by then the interpreter's own start-up is over.
_STARTED = ("import os, sys; from heroes_kg.__main__ import run; ready = int(sys.argv[1]); "
            "os.write(ready, b'.'); os.close(ready); "
            "sys.argv = ['heroes-kg', *sys.argv[2:]]; run()")


def _start_build_after_startup(root: Path) -> subprocess.Popen[str]:
    """A ``--force`` build through the command's entry point, returned once Python has
    started it: a Ctrl-C inside the interpreter's own start-up (site, before any of
    heroes-kg runs) is Python's to report, and on a busy machine that start-up alone can
    take longer than a quarter of a second."""
    read, write = os.pipe()
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", _STARTED, str(write), "build", "--force",
             "--project", str(root)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, pass_fds=(write,),
            env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    finally:
        os.close(write)
    with os.fdopen(read, "rb") as ready:
        assert ready.read(1) == b".", "the build did not start"
    return process


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(instant=st.floats(0.02, 2.5))
def test_ctrl_c_at_any_instant_exits_130_or_finishes(
        root: Path, versions: dict[str, dict[str, bytes]], instant: float) -> None:
    """Ctrl-C at any instant after the interpreter has started the ``heroes-kg``
    command: while it imports its modules (the entry point catches that), checks,
    builds or writes."""
    _flip(root)
    process = _start_build_after_startup(root)
    time.sleep(instant)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    if process.returncode == 130:
        assert err.endswith("Interrupted.\n") and "Traceback" not in err, err
    else:  # it had finished before the signal
        assert process.returncode == 0 and err == "", err
        assert out.startswith("Built ")
    _one_whole_set(root, versions)


_CTRL_C_IN_A_CALLBACK = """
import signal, sys, time, weakref
from heroes_kg.cli import reports_errors

@reports_errors
def command():
    class Lock:
        pass
    lock = Lock()

    def callback(ref):  # like the import system's module-lock clean-up
        signal.raise_signal(signal.SIGINT)
        for _ in range(10_000):  # Python runs the handler here, inside the callback
            pass

    ref = weakref.ref(lock, callback)
    del lock
    for _ in range(50):
        time.sleep(0.1)
    print("finished", flush=True)

command()
"""


def test_ctrl_c_inside_a_weakref_callback_is_raised_again_where_it_can_stop_the_command(
        ) -> None:
    """A Ctrl-C whose handler runs where Python cannot let an exception through (a weakref
    callback, as in the import system) is neither printed as "Exception ignored …" with
    a traceback nor held until the command ends: it stops the command a moment later."""
    started = time.monotonic()
    process = subprocess.run([sys.executable, "-c", _CTRL_C_IN_A_CALLBACK],
                             capture_output=True, text=True, timeout=60)
    assert process.returncode == 130, process
    assert process.stderr == "Interrupted.\n", process.stderr
    assert "finished" not in process.stdout
    assert time.monotonic() - started < 4.5  # not the five seconds the command would take


def test_the_next_build_after_a_kill_is_whole_and_leaves_nothing_behind(
        root: Path, versions: dict[str, dict[str, bytes]]) -> None:
    _flip(root)
    process = _start_build(root)
    time.sleep(1.0)
    process.kill()
    process.communicate()  # reaps it and closes its pipes
    report = build(find_project(root))
    current = "Tech-Yes" if "name: Tech-Yes\n" in (
        root / "seeds" / "facts" / "cast.yaml").read_text(encoding="utf-8") else "Tech-No"
    assert report.triples > 2000
    assert _exports(root / "exports") == versions[current]
    assert not list(root.glob(".exports.*"))
    assert not [p for p in (root / "exports").iterdir() if p.name.startswith(".")]


def test_other_files_in_the_output_folder_are_kept(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    out = project / "exports"
    out.mkdir()
    (out / "README.txt").write_text("mine\n", encoding="utf-8")
    (out / "notes").mkdir()
    (out / "notes" / "a.md").write_text("# a\n", encoding="utf-8")
    build(find_project(project), force=True, only=["heroes.ttl"])
    build(find_project(project), force=True)
    assert (out / "README.txt").read_text(encoding="utf-8") == "mine\n"
    assert (out / "notes" / "a.md").read_text(encoding="utf-8") == "# a\n"
    assert (out / "heroes.ttl").is_file() and (out / "heroes.html").is_file()


@pytest.mark.parametrize("damage", ["damaged", "foreign"])
@pytest.mark.parametrize("command", [["query", "cast"],
                                     ["push", "--dry-run", "--endpoint", "http://127.0.0.1:9/store"],
                                     ["export", "--format", "ntriples"],
                                     ["viz", "-o", "{tmp}/view.html"]])
def test_store_repairs_are_said_on_stderr(run: Callable[..., Result], built_project: Path,
                                          tmp_path: Path, damage: str,
                                          command: list[str]) -> None:
    import pyoxigraph as ox

    project = tmp_path / "p"
    shutil.copytree(built_project, project)
    store = project / ".heroes-kg" / "store"
    if damage == "damaged":
        (store / "CURRENT").write_text("garbage\n")
        note = "Note: the store in .heroes-kg/store/ is damaged ("
    else:
        shutil.rmtree(store)
        foreign = ox.Store(str(store))
        foreign.add(ox.Quad(ox.NamedNode("http://example.com/a"),
                            ox.NamedNode("http://example.com/b"), ox.Literal("c")))
        del foreign
        note = ("Note: the store in .heroes-kg/store/ does not hold this project's graph; "
                "rebuilt it from the seeds")
    command = [arg.replace("{tmp}", str(tmp_path)) for arg in command]
    result = run(*command, "--project", str(project))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(note)
    assert result.stderr.rstrip().endswith("rebuilt it from the seeds")
    assert run(*command, "--project", str(project)).stderr == ""


def test_serve_says_what_it_repaired(built_project: Path, tmp_path: Path) -> None:
    from heroes_kg.serve import serve

    project = tmp_path / "p"
    shutil.copytree(built_project, project)
    (project / ".heroes-kg" / "store" / "CURRENT").write_text("garbage\n")
    with serve(find_project(project), port=0) as server:
        assert len(server.notes) == 1
        assert server.notes[0].startswith("the store in .heroes-kg/store/ is damaged (")
        assert server.notes[0].endswith("rebuilt it from the seeds")


def test_a_staging_folder_left_by_a_killed_build_goes_even_when_nothing_changed(
        built_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(built_project, project)
    build(find_project(project))  # the copy's own exports and state
    leftover = project / ".exports.999999.staging"
    leftover.mkdir()
    (leftover / "heroes.ttl").write_text("half", encoding="utf-8")
    assert build(find_project(project)).up_to_date
    assert not leftover.exists()
