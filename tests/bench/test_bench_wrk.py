"""The bench's wrk driver: a run with any answer outside 2xx fails, redirects included (wrk's
own summary only counts answers >= 400). Runs the real wrk against a tiny local server."""

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench import wrk

pytestmark = pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is not installed")


class Handler(BaseHTTPRequestHandler):
    """200 on /ok, 302 on /redirect, 500 on /broken."""

    def do_GET(self):  # noqa: N802 - http.server's name
        status = {"/ok": 200, "/redirect": 302, "/broken": 500}.get(self.path, 404)
        self.send_response(status)
        if status == 302:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # wrk drops its connections when its time is up


@pytest.fixture
def server():
    httpd = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_all_2xx_gives_figures(server):
    result = wrk.run(server, ["/ok"], seconds=1, connections=2, threads=1)
    assert result["count"] > 0
    assert result["rate"] > 0
    assert result["statuses"] == {"2xx": result["count"]}


@pytest.mark.parametrize("path", ["/broken", "/redirect"])
def test_any_answer_outside_2xx_fails_the_run(server, path):
    with pytest.raises(wrk.FailedRequests, match="buiten 2xx"):
        wrk.run(server, ["/ok", path], seconds=1, connections=2, threads=1)
