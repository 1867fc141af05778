"""The JSON API against a real server and library: stories, readings, find, facets, similar, jobs."""

from __future__ import annotations

import json

from .conftest import Server, Stories, quote


def test_the_openapi_document_lists_every_endpoint(server: Server):
    paths = server.get("/openapi.json").json()["paths"]
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/reading", "/api/find",
                 "/api/stories/{story_id}/similar", "/api/uploads", "/api/jobs/{job_id}", "/api/facets"):  # fmt: skip
        assert path in paths, path
    assert "post" in paths["/api/uploads"]
    assert server.get("/docs").status == 404  # no Swagger UI: it would load scripts from a CDN
    assert "/api/find" in server.get("/api").text


def test_stories_are_listed_sorted_and_paged(server: Server, stories: Stories):
    everything = server.get("/api/stories").json()
    assert everything["total"] >= 2
    ids = [row["story"]["id"] for row in everything["rows"]]
    assert stories.lighthouse in ids and stories.xss in ids
    first = server.get("/api/stories?per=1&page=1&sort=title").json()
    second = server.get("/api/stories?per=1&page=2&sort=title").json()
    assert len(first["rows"]) == 1 and first["rows"][0]["story"]["id"] != second["rows"][0]["story"]["id"]
    assert server.get("/api/stories?sort=sideways").status == 400
    assert "sort" in server.get("/api/stories?sort=sideways").json()["error"]


def test_one_story_its_reading_and_similar(server: Server, stories: Stories):
    record = server.get(f"/api/stories/{stories.lighthouse}").json()
    assert record["title"] == "The Lighthouse Keepers" and record["words"] > 400
    reading = server.get(f"/api/stories/{stories.lighthouse}/reading").json()
    assert reading["schema"].startswith("heartline.reading") and "Hold the light anyway." in reading["text"]
    similar = server.get(f"/api/stories/{stories.lighthouse}/similar").json()
    assert all(m["story"]["id"] != stories.lighthouse for m in similar["matches"])
    download = server.get(f"/stories/{stories.lighthouse}/reading.json")
    assert json.loads(download.body) == reading
    assert "attachment" in download.headers["content-disposition"]


def test_find_takes_the_cli_queries_and_says_why(server: Server, stories: Stories):
    record = server.get(f"/api/stories/{stories.lighthouse}").json()
    a, b = record["main_pair"]
    found = server.get("/api/find?pair=" + quote(f"{a} -> {b}")).json()
    assert found["params"]["pair"] == f"{a} -> {b}"
    assert found["matches"][0]["story"]["id"] == stories.lighthouse
    assert found["matches"][0]["reasons"], "a match says why"
    bad = server.get("/api/find?feeling=" + quote("grief sideways"))
    assert (bad.status == 400 and "trend" in bad.json()["error"].lower()) or "feeling" in bad.json()["error"]
    assert server.get("/api/find?pair=" + quote("Nobody -> Noone")).json()["matches"] == []


def test_facets_count_stories(server: Server, stories: Stories):
    facets = server.get("/api/facets").json()["facets"]
    assert set(facets) == {"fandom", "relationship", "tag", "arc", "emotion"}
    for values in facets.values():
        assert all(isinstance(v, str) and n >= 1 for v, n in values)


def test_unknown_jobs_and_stories_are_404(server: Server):
    assert server.get("/api/jobs/" + "0" * 32).status == 404
    assert server.get("/api/stories/" + "0" * 16).status == 404
    assert server.get("/stories/" + "0" * 16).status == 404
