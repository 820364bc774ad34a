def test_healthz_reports_redis_voices_site_version(client):
    response = client.get("/healthz")
    assert response.status_code == 200  # degraded, but a load balancer keeps the node
    body = response.json
    assert body["redis"] is True
    assert body["version"]
    assert body["site"]["reachable"] is False  # the test SITE_URL is a closed port
    assert isinstance(body["voices"], dict)


def test_healthz_is_degraded_and_says_why_when_the_source_site_is_down(app_config, redis_client):
    from app import create_app
    app = create_app(dict(app_config, TTS_ENGINE="offline"))
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json["status"] == "degraded"
    assert response.json["degraded"] == ["site"]


def test_healthz_is_ok_when_everything_answers(sample_app_config, redis_client):
    from app import create_app
    response = create_app(sample_app_config).test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json["status"] == "ok" and response.json["degraded"] == []


def test_healthz_is_503_when_redis_is_down(app_config, tmp_path, redis_client):
    from app import create_app
    from cache.redis_server import EmbeddedRedis

    server = EmbeddedRedis(tmp_path / "r").start()
    app = create_app(dict(app_config, REDIS_URL=server.url))
    server.stop()
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["redis"] is False and response.json["status"] == "degraded"
    assert "redis" in response.json["degraded"]
    assert response.headers["Retry-After"] == "10"


def test_healthz_counts_live_workers_and_is_degraded_without_one(app_config, redis_client):
    """`make run` always starts an RQ worker: with none alive, prerenders and crawls wait for
    ever, so /healthz names "workers" (unless the operator said no worker is expected)."""
    from rq import Worker

    from app import create_app
    from services.container import services_of

    app = create_app(dict(app_config, TTS_ENGINE="offline", WORKER_EXPECTED=True))
    body = app.test_client().get("/healthz").json
    assert body["workers"] == 0
    assert body["degraded"] == ["site", "workers"] and body["status"] == "degraded"

    services = services_of(app)
    worker = Worker(list(services.queues.values()), connection=services.redis)
    worker.register_birth()
    try:
        body = app.test_client().get("/healthz").json
        assert body["workers"] == 1
        assert body["degraded"] == ["site"]
    finally:
        worker.register_death()
    quiet = create_app(dict(app_config, TTS_ENGINE="offline", WORKER_EXPECTED=False))
    body = quiet.test_client().get("/healthz").json
    assert body["workers"] == 0 and body["degraded"] == ["site"]
