from app import create_app


def test_factory_uses_test_config(app, redis_server):
    assert app.testing
    assert app.config["REDIS_URL"] == redis_server.url
    assert app.extensions["redis"].ping()


def test_redis_url_is_respected_and_nothing_is_started(app_config, redis_server):
    app = create_app(app_config)
    assert "redis_server" not in app.extensions
    assert app.extensions["redis"].connection_pool.connection_kwargs["port"] == redis_server.port


def test_secret_key_is_generated_and_kept(app_config, tmp_path, monkeypatch):
    config = dict(app_config, SECRET_KEY=None)
    first = create_app(config)
    second = create_app(config)
    assert first.config["SECRET_KEY"] and len(first.config["SECRET_KEY"]) >= 32
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
