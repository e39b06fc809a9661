"""A real Virtuoso (Debian's virtuoso-opensource) on 127.0.0.1 with a graph loaded
through isql, for comparing named-query answers: its own database folder and ports,
stopped and removed afterwards."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

from .oxigraph_server import free_port

__all__ = ["VirtuosoServer"]


class VirtuosoServer:
    """``virtuoso-t`` in the foreground with a database in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sql_port = free_port()
        self.http_port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def sparql_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    def start(self) -> VirtuosoServer:
        program = shutil.which("virtuoso-t")
        if program is None:
            raise RuntimeError("virtuoso-t is not installed: apt-get install "
                               "virtuoso-opensource-7-bin")
        d = self.folder
        d.mkdir(parents=True, exist_ok=True)
        (d / "virtuoso.ini").write_text(f"""[Database]
DatabaseFile = {d}/v.db
ErrorLogFile = {d}/v.log
LockFile = {d}/v.lck
TransactionFile = {d}/v.trx
xa_persistent_file = {d}/v.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/v-temp.db
TransactionFile = {d}/v-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{self.sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{self.http_port}
ServerRoot = {d}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
""", encoding="utf-8")
        self.process = subprocess.Popen(
            [program, "+foreground", "+configfile", str(d / "virtuoso.ini")], cwd=d,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = (d / "v.log").read_text("utf-8", "replace") if (d / "v.log").exists() \
                    else ""
                raise RuntimeError(f"Virtuoso did not start: {log[-500:]}")
            try:
                urllib.request.urlopen(self.sparql_url + "?query=ASK%7B%7D", timeout=1).close()
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("Virtuoso did not answer within 60 s")

    def load(self, ntriples: bytes, graph: str) -> None:
        """Load N-Triples into ``graph`` with Virtuoso's own loader (isql)."""
        path = self.folder / "data.nt"
        path.write_bytes(ntriples)
        subprocess.run(
            [shutil.which("isql-vt") or "isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba",
             f"exec=DB.DBA.TTLP_MT(file_to_string_output('{path}'), '', '{graph}', 0);"],
            check=True, capture_output=True, timeout=120)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def __enter__(self) -> VirtuosoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
