"""Editor fixtures: the app with an editor token, and a signed-in test client."""
from __future__ import annotations

import re

import pytest

from app import create_app

TOKEN = "editor-test-token-0123456789"


@pytest.fixture()
def editor_config(app_config):
    return {**app_config, "EDITOR_TOKEN": TOKEN, "CRAWL_INTERVAL_S": 0}


@pytest.fixture()
def editor_app(editor_config, redis_client):
    return create_app(editor_config)


@pytest.fixture()
def editor_client(editor_app):
    return editor_app.test_client()


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF field in the page"
    return match.group(1)


@pytest.fixture()
def signed_in(editor_client):
    """A client signed in to /editor; returns (client, csrf token)."""
    page = editor_client.get("/editor")
    response = editor_client.post("/editor/login", data={"token": TOKEN,
                                                         "csrf_token": csrf_of(page.text)})
    assert response.status_code == 303
    page = editor_client.get("/editor")
    assert page.status_code == 200
    return editor_client, csrf_of(page.text)


def bearer(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture()
def live_server_for():
    """Serve a given app over real HTTP on a free port (stopped after the test)."""
    from tests.support.servers import LiveServer
    servers = []

    def serve(app):
        server = LiveServer(app).start()
        servers.append(server)
        return server

    yield serve
    for server in servers:
        server.stop()
