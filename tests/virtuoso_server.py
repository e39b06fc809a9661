"""A real Virtuoso (Debian's ``virtuoso-opensource``) on 127.0.0.1 for tests: its own
database folder, free SQL and HTTP ports, started and stopped by the test session."""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .oxigraph_server import free_port

__all__ = ["VirtuosoServer", "virtuoso_installed"]

_INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:{sql_port}
LiteMode             = 0
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 0
O_DIRECT             = 0
CaseMode             = 2
AllowOSCalls         = 0
DirsAllowed          = ., {db}
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
ThreadsPerQuery      = 2
AsyncQueueMaxThreads = 4
VADInstallDir        = /usr/share/virtuoso-opensource-7/vad/

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 5
ServerThreads        = 5
EnabledDavVSP        = 0
HTTPProxyEnabled     = 0
MaxKeepAlives        = 5
KeepAliveTimeout     = 10
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryCostEstimationTime = 100
MaxQueryExecutionTime      = 60
DefaultGraph               = http://localhost/default
"""


def virtuoso_installed() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


class VirtuosoServer:
    """``virtuoso-t`` in the foreground with a generated virtuoso.ini in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sql_port = free_port()
        self.http_port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql_url(self) -> str:
        return f"{self.url}/sparql"

    def load(self, ntriples: bytes, graph: str) -> None:
        """Load N-Triples into ``graph`` with Virtuoso's own loader."""
        path = self.folder / "data.nt"
        path.write_bytes(ntriples)
        self.sql(f"DB.DBA.TTLP_MT(file_to_string_output('{path}'), '', '{graph}', 0);\n")

    def __enter__(self) -> VirtuosoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self, wait: float = 120) -> VirtuosoServer:
        if not virtuoso_installed():
            # a failure, not a skip: the tests that need Virtuoso must run in CI
            pytest.fail("Virtuoso is not installed (no virtuoso-t or isql-vt on PATH); "
                        "install it with: apt-get install -y virtuoso-opensource",
                        pytrace=False)
        self.folder.mkdir(parents=True, exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        ini.write_text(_INI.format(db=self.folder, sql_port=self.sql_port,
                                   http_port=self.http_port), encoding="utf-8")
        self.process = subprocess.Popen(
            ["virtuoso-t", "+foreground", "+configfile", str(ini)], cwd=self.folder,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = (self.folder / "virtuoso.log").read_text("utf-8", "replace")
                raise RuntimeError("virtuoso-t exited:\n" + log[-2000:])
            try:
                with urllib.request.urlopen(f"{self.url}/sparql?query=ASK%7B%7D",
                                            timeout=5) as response:
                    if response.status == 200:
                        return self
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"virtuoso-t did not answer within {wait:g} s")

    def sql(self, statements: str) -> str:
        """Run SQL through isql as dba; the output, raising on an error."""
        done = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba"],
            input=statements.encode("utf-8"), capture_output=True, timeout=120, check=False)
        out = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
        if done.returncode != 0 or "*** Error" in out:
            raise RuntimeError(f"isql failed:\n{out}")
        return out

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
