"""The review server answers its own page only: its own Host and Origin, its own token, its
own routes; and two tabs changing one file cannot lose an edit."""

from __future__ import annotations

import http.client
import json
import shutil
import threading

import pytest

from reportgen.fonts import resolve
from reportgen.review.server import Review, serve
from tests.conftest import MINI_DIR


@pytest.fixture
def server(tmp_path):
    folder = tmp_path / "mini"
    shutil.copytree(MINI_DIR, folder)
    review = Review(folder, resolve("Noto Sans SC"))
    running = serve(review)
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running, review, folder
    running.shutdown()
    running.server_close()


def ask(server, method, path, body=None, **headers):
    running, _, _ = server
    port = running.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers.setdefault("Host", f"127.0.0.1:{port}")
    data = json.dumps(body).encode() if body is not None else None
    connection.request(method, path, body=data, headers=headers)
    answer = connection.getresponse()
    return answer.status, dict(answer.getheaders()), answer.read()


def change(server, body, **headers):
    running, review, _ = server
    port = running.server_address[1]
    headers = {
        "Origin": f"http://127.0.0.1:{port}",
        "X-Reportgen-Token": review.token,
        "Content-Type": "application/json",
        **headers,
    }
    return ask(server, "POST", "/api/change", body, **headers)


def test_it_listens_on_loopback_only(server):
    assert server[0].server_address[0] == "127.0.0.1"


def test_the_page_is_served_with_a_policy_that_runs_its_own_script_only(server):
    status, headers, body = ask(server, "GET", "/")
    assert status == 200
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'nonce-" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">'.encode() in body
    assert server[1].token.encode() in body


def test_another_host_name_is_refused(server):
    status, _, _ = ask(server, "GET", "/api/state", Host="attacker.example:80")
    assert status == 421  # a DNS-rebound page reaches the server under its own name
    port = server[0].server_address[1]
    assert ask(server, "GET", "/api/state", Host=f"localhost:{port}")[0] == 200


@pytest.mark.parametrize(
    "path",
    [
        "/metrics.yaml",
        "/../metrics.yaml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/api/state/../../x",
        "//etc",
    ],
)
def test_only_its_own_routes_exist(server, path):
    status, _, body = ask(server, "GET", path)
    assert status == 404 and b"trade_2023" not in body


def test_a_change_from_another_site_or_without_the_token_is_refused(server):
    folder = server[2]
    before = (folder / "metrics.yaml").read_bytes()
    state = json.loads(ask(server, "GET", "/api/state")[2])
    body = {
        "kind": "metric",
        "id": "trains_total",
        "action": "drop",
        "version": state["versions"]["metric"],
    }
    assert change(server, body, Origin="https://attacker.example")[0] == 403
    assert change(server, body, **{"X-Reportgen-Token": "guess"})[0] == 403
    assert change(server, body, **{"Content-Type": "text/plain"})[0] == 403
    assert (folder / "metrics.yaml").read_bytes() == before
    status, _, reply = change(server, body)
    assert status == 200
    assert [r["id"] for r in json.loads(reply)["records"] if r["kind"] == "metric"] == [
        "trade_2023",
        "trade_growth_2023",
        "trade_2022_implied",
    ]


def test_two_tabs_changing_one_file_cannot_lose_an_edit(server):
    state = json.loads(ask(server, "GET", "/api/state")[2])
    seen = state["versions"]["metric"]  # both tabs opened the page at this version
    first = {
        "kind": "metric",
        "id": "trade_2023",
        "action": "save",
        "version": seen,
        "fields": {"label_en": "Trade, first tab"},
    }
    second = {
        "kind": "metric",
        "id": "trains_total",
        "action": "save",
        "version": seen,
        "fields": {"label_en": "Trains, second tab"},
    }
    assert change(server, first)[0] == 200
    status, _, reply = change(server, second)
    assert status == 409 and "changed since this page read it" in json.loads(reply)["message"]
    text = (server[2] / "metrics.yaml").read_text(encoding="utf-8")
    assert "Trade, first tab" in text and "Trains, second tab" not in text


def test_an_invalid_change_answers_with_the_field_and_the_validators_message(server):
    state = json.loads(ask(server, "GET", "/api/state")[2])
    body = {
        "kind": "metric",
        "id": "trains_total",
        "action": "save",
        "version": state["versions"]["metric"],
        "fields": {"value": "210"},
    }
    status, _, reply = change(server, body)
    answer = json.loads(reply)
    assert status == 422 and answer["field"] == "value"
    assert "210 does not appear in the quote" in answer["message"]


def test_a_body_that_is_not_a_json_object_is_refused(server):
    running, review, _ = server
    port = running.server_address[1]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(
        "POST",
        "/api/change",
        body=b"[1, 2]",
        headers={
            "Host": f"127.0.0.1:{port}",
            "Origin": f"http://127.0.0.1:{port}",
            "X-Reportgen-Token": review.token,
            "Content-Type": "application/json",
        },
    )
    assert connection.getresponse().status == 400


def test_a_change_without_an_origin_or_with_a_garbled_length_is_refused(server):
    state = json.loads(ask(server, "GET", "/api/state")[2])
    body = {
        "kind": "metric",
        "id": "trains_total",
        "action": "accept",
        "version": state["versions"]["metric"],
    }
    running, review, _ = server
    port = running.server_address[1]
    no_origin = ask(
        server,
        "POST",
        "/api/change",
        body,
        **{"X-Reportgen-Token": review.token, "Content-Type": "application/json"},
    )
    assert no_origin[0] == 403
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("POST", "/api/change", skip_host=True)
    for name, value in (
        ("Host", f"127.0.0.1:{port}"),
        ("Origin", f"http://127.0.0.1:{port}"),
        ("X-Reportgen-Token", review.token),
        ("Content-Type", "application/json"),
        ("Content-Length", "many"),
    ):
        connection.putheader(name, value)
    connection.endheaders()
    assert connection.getresponse().status == 413
    assert ask(server, "GET", "/api/state")[0] == 200  # and it goes on answering


def test_a_folder_broken_by_an_editor_meanwhile_is_said_not_a_traceback(server):
    folder = server[2]
    state = json.loads(ask(server, "GET", "/api/state")[2])
    (folder / "events.yaml").write_text("events: [", encoding="utf-8")  # an editor's slip
    status, _, reply = ask(server, "GET", "/api/state")
    assert status == 409 and "the folder cannot be read" in json.loads(reply)["message"]
    body = {
        "kind": "metric",
        "id": "trains_total",
        "action": "save",
        "version": state["versions"]["metric"],
        "fields": {"label_en": "Trains run"},
    }
    status, _, reply = change(server, body)
    answer = json.loads(reply)
    # the change itself brings no problem, so it is written, and the page is told both
    assert status == 409 and answer["saved"] is True and "events.yaml" in answer["message"]
    assert "Trains run" in (folder / "metrics.yaml").read_text(encoding="utf-8")
