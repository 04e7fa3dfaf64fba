"""The test OpenID provider (provider.mjs, the `oidc-provider` package on node) on loopback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.smtp import free_port

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("provider.mjs")
CLIENT_ID = "veilig-bestuur"
CLIENT_SECRET = "test-clientgeheim-dat-lang-genoeg-is-voor-de-provider"


def require_node() -> str:
    """node with oidc-provider installed (npm ci); else skip, or fail with REQUIRE_OIDC=1."""
    node = shutil.which("node")
    problem = None
    if node is None:
        problem = "node is not installed"
    elif not (ROOT / "node_modules" / "oidc-provider").is_dir():
        problem = "oidc-provider is not installed (npm ci)"
    if problem:
        if os.environ.get("REQUIRE_OIDC") == "1":
            pytest.fail(f"REQUIRE_OIDC=1 but {problem}")
        pytest.skip(problem)
    return node


class OpenIDProvider:
    """Users, their groups and amr/acr, and how the ID token is (mis)made: the state file,
    read by the provider on every request."""

    def __init__(self, tmp_path: Path, redirect_uri: str):
        self.node = require_node()
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.state_file = tmp_path / "oidc-state.json"
        self.log = tmp_path / "oidc-provider.log"
        self.state = {"users": {}, "id_token": "normal"}
        self.save()
        self.env = {
            **os.environ,
            "PORT": str(self.port),
            "CLIENT_ID": CLIENT_ID,
            "CLIENT_SECRET": CLIENT_SECRET,
            "REDIRECT_URI": redirect_uri,
            "STATE_FILE": str(self.state_file),
        }
        self.process = None

    def save(self) -> None:
        self.state_file.write_text(json.dumps(self.state))

    def add_user(self, login: str, groups: list[str], amr=("pwd",), acr=None, **claims) -> None:
        self.state["users"][login] = {
            "password": "wachtwoord-bij-de-provider",
            "sub": f"sub-{login}",
            "email": f"{login}@aadorp.example",
            "name": f"{login.title()} Jansen",
            "groups": groups,
            "amr": list(amr),
            **({"acr": acr} if acr else {}),
            **claims,
        }
        self.save()

    def set_groups(self, login: str, groups: list[str]) -> None:
        self.state["users"][login]["groups"] = groups
        self.save()

    def issue_id_tokens(self, mode: str) -> None:
        self.state["id_token"] = mode
        self.save()

    def __enter__(self) -> OpenIDProvider:
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [self.node, str(SCRIPT)], cwd=ROOT, env=self.env, stdout=log, stderr=log
            )
        for _ in range(100):
            try:
                url = f"{self.issuer}/.well-known/openid-configuration"
                if requests.get(url, timeout=2).status_code == 200:
                    return self
            except requests.ConnectionError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError(f"oidc-provider kwam niet op: {self.log.read_text()}")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(10)
