"""CORS: only the news sites in MAJLIS_ALLOWED_ORIGINS; never `*` or `null`; cross-origin writes as JSON."""
import pytest

NEWS = "https://news.example"
KEY = "news/2026/cors"
PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}


@pytest.fixture
def site(app_with):
    return app_with(ALLOWED_ORIGINS="https://news.example, https://other-news.example/").test_client()


def preflight(client, origin, path=f"/api/v1/threads/{KEY}/comments", **headers):
    return client.options(path, headers={"Origin": origin, **PREFLIGHT, **headers})


def test_preflight_for_an_allowed_origin(site):
    response = preflight(site, NEWS)
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == NEWS
    assert "Origin" in response.headers["Vary"]
    methods = {m.strip() for m in response.headers["Access-Control-Allow-Methods"].split(",")}
    assert {"POST", "PATCH", "DELETE"} <= methods
    assert "x-edit-token" in response.headers["Access-Control-Allow-Headers"].lower()
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert preflight(site, "https://other-news.example").headers["Access-Control-Allow-Origin"] == \
        "https://other-news.example"


@pytest.mark.parametrize("path", ["/api/v1/comments/1", "/api/v1/terms", "/api/v1/counts"])
def test_preflight_for_every_public_path(site, path):
    response = preflight(site, NEWS, path, **{"Access-Control-Request-Method": "PATCH"})
    assert response.headers["Access-Control-Allow-Origin"] == NEWS


@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://news.example",
                                    "https://news.example.evil.example", "https://sub.news.example"])
def test_preflight_refused_for_other_origins(site, problem, origin):
    response = preflight(site, origin)
    problem(response, 403)
    assert not any(h.lower().startswith("access-control-allow") for h, _v in response.headers)


def test_never_star_or_null_even_if_configured(app_with):
    loose = app_with(ALLOWED_ORIGINS=["*", "null", NEWS]).test_client()
    for origin in ("null", "*", "https://evil.example"):
        response = preflight(loose, origin)
        assert "Access-Control-Allow-Origin" not in response.headers
        response = loose.get(f"/api/v1/threads/{KEY}/comments", headers={"Origin": origin})
        assert "Access-Control-Allow-Origin" not in response.headers
    assert preflight(loose, NEWS).headers["Access-Control-Allow-Origin"] == NEWS


def test_no_origins_configured_means_no_cors(client):
    assert "Access-Control-Allow-Origin" not in preflight(client, NEWS).headers
    response = client.get(f"/api/v1/threads/{KEY}/comments", headers={"Origin": NEWS})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_simple_requests_get_the_header_for_allowed_origins_only(site):
    response = site.get(f"/api/v1/threads/{KEY}/comments", headers={"Origin": NEWS})
    assert response.headers["Access-Control-Allow-Origin"] == NEWS
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]
    for headers in ({"Origin": "https://evil.example"}, {"Origin": "null"}, {}):
        response = site.get(f"/api/v1/threads/{KEY}/comments", headers=headers)
        assert response.status_code == 200
        assert "Access-Control-Allow-Origin" not in response.headers
        assert "Origin" in response.headers["Vary"]  # caches keep one answer per origin


def test_errors_carry_cors_headers_too(site):
    """The widget must be able to read a 422 to show it beside the fields."""
    response = site.post(f"/api/v1/threads/{KEY}/comments", json={}, headers={"Origin": NEWS})
    assert response.status_code == 422
    assert response.headers["Access-Control-Allow-Origin"] == NEWS


def test_cross_origin_json_post_from_an_allowed_site(site, valid_comment):
    response = site.post(f"/api/v1/threads/{KEY}/comments", json=valid_comment(),
                         headers={"Origin": NEWS, "Sec-Fetch-Mode": "cors"})
    assert response.status_code == 201
    assert response.headers["Access-Control-Allow-Origin"] == NEWS


@pytest.mark.parametrize("origin", ["https://evil.example", "null"])
def test_cross_origin_form_post_from_elsewhere_is_refused(site, problem, rows, valid_comment, origin):
    before = rows()
    response = site.post(f"/api/v1/threads/{KEY}/comments", data=valid_comment(), headers={"Origin": origin})
    assert problem(response, 403)["type"].endswith("cross-origin-form")
    assert rows() == before
    assert "Access-Control-Allow-Origin" not in response.headers


def test_form_post_by_script_from_an_allowed_site_is_refused(site, problem, rows, valid_comment):
    """fetch() with a form body would skip the preflight: only a real form navigation may post a form."""
    before = rows()
    response = site.post(f"/api/v1/threads/{KEY}/comments", data=valid_comment(),
                         headers={"Origin": NEWS, "Sec-Fetch-Mode": "cors"})
    problem(response, 403)
    assert rows() == before


def test_plain_text_cross_origin_post_is_refused(site, problem):
    response = site.post(f"/api/v1/threads/{KEY}/comments", data="name=x", content_type="text/plain",
                         headers={"Origin": "https://evil.example"})
    problem(response, 403)


def test_same_origin_and_originless_forms_still_work(site, valid_comment):
    """The form endpoint itself: no Origin (curl, old clients) or this server's own pages."""
    assert site.post(f"/api/v1/threads/{KEY}/comments", data=valid_comment()).status_code == 201
    response = site.post(f"/api/v1/threads/{KEY}/comments", data=valid_comment(),
                         headers={"Origin": "http://localhost"})
    assert response.status_code == 201


def test_private_endpoints_get_no_cors(site):
    for path in ("/api/v1/openapi.json", "/api/v1/moderation/queue"):
        response = site.get(path, headers={"Origin": NEWS})
        assert "Access-Control-Allow-Origin" not in response.headers
        assert "Access-Control-Allow-Origin" not in preflight(site, NEWS, path).headers


def test_preflights_do_not_use_up_the_posting_limit(limited_app, valid_comment):
    site = limited_app(ALLOWED_ORIGINS=[NEWS], RATELIMIT_POST_IP="2 per minute",
                       RATELIMIT_POST_EMAIL="2 per minute").test_client()
    for _ in range(5):
        assert preflight(site, NEWS).status_code == 204
    response = site.post(f"/api/v1/threads/{KEY}/comments", json=valid_comment(), headers={"Origin": NEWS})
    assert response.status_code == 201
