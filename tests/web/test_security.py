"""The guard against a real server: no path reaches the filesystem, other sites cannot post, sizes are
bounded, uploads are judged by content, every page carries a strict CSP."""

from __future__ import annotations

import pytest

from .conftest import MAX_UPLOAD_MB, Server, Stories, multipart


@pytest.mark.parametrize(
    "path",
    [
        "/api/stories/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/stories/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/stories/../../etc/passwd",
        "/api/stories/%2Fetc%2Fpasswd",
        "/api/stories//etc/passwd",
        "/api/stories/examples%2Fthe-lighthouse-keepers.txt",  # the library also takes paths: never from here
        "/api/stories/the-lighthouse-keepers.txt/reading",
        "/stories/..%2f..%2fpyproject.toml",
        "/stories/%252e%252e%252fpyproject.toml",
        "/stories/0123456789ABCDEF",  # upper case is not an id
        "/stories/0123456789abcde",  # 15 hex digits
        "/stories/0123456789abcdef0",  # 17
        "/stories/0123456789abcdef/report/..%2F..%2F",
        "/static/..%2Fapp.py",
        "/static/../app.py",
        "/static/%2e%2e/templates/base.html",
        "/static/app.py",
        "/static/templates%2Fbase.html",
        "/jobs/..%2F..%2Fetc%2Fpasswd",
        "/api/jobs/%2Ftmp",
        "/etc/passwd",
        "/..%2F..%2Fetc%2Fpasswd",
    ],
)
def test_paths_never_reach_the_filesystem(server: Server, path: str):
    answer = server.get(path)
    assert answer.status == 404, (path, answer.status, answer.body[:200])
    assert b"root:" not in answer.body and b"[project]" not in answer.body and b"{% " not in answer.body


def test_a_known_story_and_the_static_files_are_found(server: Server, stories: Stories):
    assert server.get(f"/stories/{stories.lighthouse}").status == 200
    assert server.get("/static/app.css").status == 200
    assert server.get("/static/app.js").status == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"origin": "http://127.0.0.1:1"},  # same host, another port: another origin
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"sec-fetch-site": "cross-site", "origin": "SELF"},
        {"sec-fetch-site": "same-site", "origin": "null"},
    ],
)
def test_uploads_from_other_sites_are_refused(server: Server, headers: dict[str, str]):
    headers = {k: (f"http://127.0.0.1:{server.port}" if v == "SELF" else v) for k, v in headers.items()}
    for path in ("/api/uploads", "/read"):
        body, ctype = multipart({"text": (None, b"Willow smiled at Buffy.")})
        answer = server.request("POST", path, body, {"content-type": ctype, **headers})
        assert answer.status == 403, (path, headers, answer.status)
        assert "another site" in answer.json()["error"]


def test_an_upload_from_the_page_itself_is_taken(server: Server):
    body, ctype = multipart({"text": (None, b"")})
    same = {"origin": f"http://127.0.0.1:{server.port}", "sec-fetch-site": "same-origin", "content-type": ctype}
    answer = server.request("POST", "/api/uploads", body, same)
    assert answer.status == 400  # past the guard; the form itself is empty
    assert "paste the story" in answer.json()["error"]


def test_a_foreign_host_header_is_refused(server: Server):
    assert server.get("/", headers={"host": "evil.example"}).status == 400
    assert server.get("/", headers={"host": f"evil.example:{server.port}"}).status == 400
    assert server.get("/", headers={"host": f"localhost:{server.port}"}).status == 200


def test_bodies_and_queries_are_bounded(server: Server):
    limit = int(MAX_UPLOAD_MB * 1024 * 1024)
    big = b"Willow laughed. " * (limit // 16 + 100)
    answer = server.upload("big.txt", big)
    assert answer.status == 413 and "1 MB" in answer.json()["error"]
    answer = server.request("POST", "/api/uploads", b"x" * 100, {"content-length": "100", "content-type": "text/plain"})
    assert answer.status == 400
    assert server.request("POST", "/api/jobs", b"x" * (70 * 1024)).status == 413  # not an upload path: 64 KB
    assert server.get("/?text=" + "a" * 3000).status == 414
    assert server.get("/" + "a" * 2000).status == 414
    assert server.get("/?text=" + "a" * 300).status == 400  # one field longer than 200 characters


def test_a_chunked_body_over_the_limit_is_refused(server: Server):
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    conn.putrequest("POST", "/api/uploads", skip_host=True)
    conn.putheader("host", f"127.0.0.1:{server.port}")
    conn.putheader("content-type", "multipart/form-data; boundary=b")
    conn.putheader("transfer-encoding", "chunked")
    conn.endheaders()
    chunk = b"a" * 65536
    try:
        try:
            head = b'--b\r\nContent-Disposition: form-data; name="file"; filename="x.txt"\r\n\r\n'
            conn.send(b"%x\r\n%s\r\n" % (len(head), head))
            for _ in range(int(MAX_UPLOAD_MB * 16) + 4):
                conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            conn.send(b"0\r\n\r\n")
        except OSError:
            pass  # the server may close the connection once it has answered
        assert conn.getresponse().status == 413
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("story.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("story.txt", b"PK\x03\x04\x14\x00\x00\x00word/document.xml", "Word"),
        ("story.epub", b"PK\x03\x04\x14\x00\x00\x00notes.txt", "zip"),
        ("story.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        ("story.txt", b"ELF\x7f\x00\x00\x00\x01\x02\x03", "binary"),
        ("story.txt", b"   \n\n  ", "empty"),
    ],
)
def test_uploads_are_judged_by_content_not_by_name(server: Server, name: str, data: bytes, words: str):
    answer = server.upload(name, data)
    assert answer.status == 400
    error = answer.json()["error"]
    assert words in error and "\n" not in error, error


def test_every_response_has_a_strict_policy(server: Server, stories: Stories):
    for path in ("/", "/read", "/api", f"/stories/{stories.lighthouse}", "/api/stories", "/nothing-here"):
        headers = server.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0], path
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"
    report = server.get(f"/stories/{stories.lighthouse}/report").headers
    assert "sandbox allow-scripts" in report["content-security-policy"]
    assert "script-src 'nonce-" in report["content-security-policy"]
    download = server.get(f"/stories/{stories.lighthouse}/report.html").headers
    assert download["content-disposition"].startswith("attachment;")


def test_script_payloads_are_escaped_in_every_page_and_answer(server: Server, stories: Stories):
    from tests.report.conftest import Payloads

    pages = ["/", f"/stories/{stories.xss}", "/?tag=" + "%3Cscript%3E", "/?pair=%3Cb%3E+-%3E+x"]
    for path in pages:
        html = server.get(path).text
        for bad in ("<script>window.__pwned", "<img src=x", "<svg onload", "</script><script>"):
            assert bad not in html, (path, bad)
    api = server.get(f"/api/stories/{stories.xss}")
    assert api.headers["content-type"].startswith("application/json")
    assert api.json()["title"] == Payloads().items[0]
