def test_healthz_reports_redis_voices_site_version(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json
    assert body["redis"] is True
    assert body["status"] == "ok"
    assert body["version"]
    assert body["site"]["reachable"] is False  # the test SITE_URL is a closed port
    assert isinstance(body["voices"], dict)


def test_healthz_is_503_when_redis_is_down(app_config, tmp_path, redis_client):
    from app import create_app
    from cache.redis_server import EmbeddedRedis

    server = EmbeddedRedis(tmp_path / "r").start()
    app = create_app(dict(app_config, REDIS_URL=server.url))
    server.stop()
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["redis"] is False and response.json["status"] == "degraded"
