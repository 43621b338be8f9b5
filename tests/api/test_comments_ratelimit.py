"""Rate limits on posting: per client IP and per email, 429 problem+json with Retry-After.

flask-limiter counts in real time (its windows are not driven by the app's clock); no test waits
for a window to pass: each gets fresh counters from its own secret and key prefix instead.
"""
import uuid

from app.client import keyed_hash
from app.extensions import db
from app.models import Comment

KEY = "news/limits"
PATH = f"/api/v1/threads/{KEY}/comments"


def burst(client, valid_comment, n, *, headers=lambda i: {}, environ=lambda i: {}, fields=lambda i: {}):
    codes = []
    for i in range(n):
        response = client.post(PATH, json=valid_comment(body=f"تعليق سريع رقم {i}", **fields(i)),
                               headers=headers(i), environ_base=environ(i))
        codes.append(response.status_code)
        last = response
    return codes, last


def assert_429(problem, response, arabic=True):
    body = problem(response, 429, arabic=arabic)
    retry = response.headers.get("Retry-After")
    assert retry is not None and retry.isdigit() and 0 < int(retry) <= 3600, response.headers
    return body


def test_sixth_post_in_a_minute_is_429(limited_app, valid_comment, problem, rows):
    client = limited_app().test_client()
    codes, last = burst(client, valid_comment, 6)
    assert codes == [201] * 5 + [429]
    body = assert_429(problem, last)
    assert body["detail"] == "لقد أرسلت تعليقات كثيرة بسرعة؛ يرجى الانتظار قليلاً ثم المحاولة مجدداً."
    assert rows()["comment"] == 5  # the refused one left nothing


def test_429_in_english(limited_app, valid_comment, problem):
    client = limited_app(RATELIMIT_POST_IP="1 per minute").test_client()
    burst(client, valid_comment, 1)
    response = client.post(PATH, json=valid_comment(), headers={"Accept-Language": "en"})
    body = assert_429(problem, response, arabic=False)
    assert body["title"] == "Too many requests"


def test_spoofed_forwarded_for_does_not_escape_the_limit(limited_app, valid_comment, problem, app):
    client = limited_app().test_client()
    codes, last = burst(client, valid_comment, 6, headers=lambda i: {
        "X-Forwarded-For": f"10.9.{i}.{i}", "X-Real-IP": f"10.8.{i}.{i}", "Forwarded": f"for=10.7.{i}.{i}"})
    assert codes == [201] * 5 + [429]
    assert_429(problem, last)
    # The IP stored (as an HMAC) is the socket's, not the forged header's.
    with app.app_context():
        stored = set(db.session.scalars(db.select(Comment.ip_hash)))
    assert len(stored) == 1


def test_trusted_proxy_is_honoured(monkeypatch, limited_app, valid_comment, problem):
    monkeypatch.setenv("MAJLIS_TRUSTED_PROXIES", "1")
    limited = limited_app()
    assert limited.config["TRUSTED_PROXIES"] == 1
    client = limited.test_client()
    # Six readers behind one proxy: each has its own limit.
    codes, _ = burst(client, valid_comment, 6, headers=lambda i: {"X-Forwarded-For": f"203.0.113.{i}"})
    assert codes == [201] * 6
    # One reader (one forwarded address) posting six times is limited.
    codes, last = burst(client, valid_comment, 6, headers=lambda i: {"X-Forwarded-For": "198.51.100.7"})
    assert codes == [201] * 5 + [429]
    assert_429(problem, last)
    with limited.app_context():
        expected = keyed_hash("198.51.100.7", "ip")
        assert db.session.scalar(db.select(db.func.count()).where(Comment.ip_hash == expected)) == 5


def test_only_the_last_hop_is_trusted(monkeypatch, limited_app, valid_comment):
    monkeypatch.setenv("MAJLIS_TRUSTED_PROXIES", "1")
    client = limited_app().test_client()
    # The client forges the leftmost entries; the proxy appends the real address last.
    codes, _ = burst(client, valid_comment, 6,
                     headers=lambda i: {"X-Forwarded-For": f"10.0.0.{i}, 198.51.100.8"})
    assert codes == [201] * 5 + [429]


def test_per_email_limit_across_addresses(limited_app, valid_comment, problem):
    client = limited_app(RATELIMIT_POST_IP="100 per minute").test_client()
    email = f"Fast.{uuid.uuid4().hex[:6]}@Example.org"
    codes, last = burst(client, valid_comment, 6,
                        environ=lambda i: {"REMOTE_ADDR": f"192.0.2.{i + 1}"},
                        fields=lambda i: {"email": email.lower() if i % 2 else email})
    assert codes == [201] * 5 + [429]
    assert_429(problem, last)
    # Another author from those addresses is not affected.
    other = client.post(PATH, json=valid_comment(), environ_base={"REMOTE_ADDR": "192.0.2.1"})
    assert other.status_code == 201


def test_per_ip_limit_across_emails(limited_app, valid_comment):
    client = limited_app(RATELIMIT_POST_EMAIL="100 per minute").test_client()
    codes, _ = burst(client, valid_comment, 6)  # a new email each time
    assert codes == [201] * 5 + [429]
    other = client.post(PATH, json=valid_comment(), environ_base={"REMOTE_ADDR": "192.0.2.200"})
    assert other.status_code == 201


def test_limits_are_configurable_and_every_part_counts(limited_app, valid_comment):
    client = limited_app(RATELIMIT_POST_IP="100 per minute;3 per hour").test_client()
    codes, _ = burst(client, valid_comment, 4)
    assert codes == [201, 201, 201, 429]


def test_refused_requests_count_too(limited_app, valid_comment, problem):
    client = limited_app().test_client()
    for _ in range(5):
        assert client.post(PATH, json={"body": "ناقص"}).status_code == 422
    assert_429(problem, client.post(PATH, json=valid_comment()))


def test_reading_is_not_limited(limited_app, valid_comment):
    client = limited_app().test_client()
    burst(client, valid_comment, 5)
    assert all(client.get(PATH).status_code == 200 for _ in range(20))
    assert client.get(f"/api/v1/counts?thread={KEY}").status_code == 200


def test_limits_off(app_with, valid_comment):
    client = app_with(RATELIMIT_ENABLED=False).test_client()
    codes, _ = burst(client, valid_comment, 8)
    assert codes == [201] * 8


def test_oversized_and_malformed_bodies_with_limits_on(limited_app, valid_comment, problem):
    client = limited_app(RATELIMIT_POST_IP="4 per minute").test_client()
    problem(client.post(PATH, data=b"x" * (65 * 1024), content_type="application/json"), 413)
    problem(client.post(PATH, data=b"{", content_type="application/json"), 400)
    problem(client.post(PATH, data=b"hi", content_type="text/plain"), 415)
    # Those count once each (no email to key on), and the limiter still counts in its own storage.
    assert client.post(PATH, json=valid_comment()).status_code == 201
    assert_429(problem, client.post(PATH, json=valid_comment()))


# ------------------------------------------------------------------ Redis: one limit, many instances


def redis_keys(url, needle):
    import redis

    client = redis.Redis.from_url(url)
    try:
        return {k.decode(): client.get(k) for k in client.scan_iter(match=f"*{needle}*", count=1000)}
    finally:
        client.close()


def drop_keys(url, keys):
    import redis

    client = redis.Redis.from_url(url)
    try:
        if keys:
            client.delete(*keys)
    finally:
        client.close()


def test_two_instances_share_one_limit_through_redis(redis_url, limited_app, valid_comment, problem):
    settings = {"RATELIMIT_STORAGE_URI": redis_url, "SECRET_KEY": "redis-" + uuid.uuid4().hex,
                "RATELIMIT_KEY_PREFIX": f"majlis-test-{uuid.uuid4().hex[:10]}",
                "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": False}
    first, second = limited_app(**settings), limited_app(**settings)
    with first.app_context():
        ip_key = keyed_hash("127.0.0.1", "ip")
    try:
        one, two = first.test_client(), second.test_client()
        codes = []
        for i in range(5):
            codes.append((one if i % 2 else two).post(PATH, json=valid_comment()).status_code)
        assert codes == [201] * 5
        # The counter lives in Redis, not in either process.
        counters = redis_keys(redis_url, ip_key)
        assert counters and max(int(v) for v in counters.values() if v is not None) == 5, counters
        assert_429(problem, one.post(PATH, json=valid_comment()))
        assert_429(problem, two.post(PATH, json=valid_comment()))
    finally:
        drop_keys(redis_url, list(redis_keys(redis_url, ip_key)))
