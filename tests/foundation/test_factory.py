from app import create_app
from services.container import services_of


def test_factory_uses_test_config(app, redis_server):
    assert app.testing
    assert app.config["REDIS_URL"] == redis_server.url
    assert services_of(app).redis.ping()


def test_redis_url_is_respected_and_nothing_is_started(app_config, redis_server):
    app = create_app(app_config)
    assert services_of(app).redis_server is None
    assert services_of(app).redis.connection_pool.connection_kwargs["port"] == redis_server.port


def test_secret_key_is_generated_and_kept(app_config, tmp_path):
    config = dict(app_config, SECRET_KEY=None)
    kept = tmp_path / "instance" / "secret_key"
    assert config["INSTANCE_PATH"] == str(kept.parent) and not kept.exists()
    first = create_app(config)
    assert len(first.config["SECRET_KEY"]) == 64
    assert kept.read_text() == first.config["SECRET_KEY"]
    assert kept.stat().st_mode & 0o777 == 0o600  # sessions are signed with it: owner only
    assert create_app(config).config["SECRET_KEY"] == first.config["SECRET_KEY"]
    other = create_app(dict(config, INSTANCE_PATH=str(tmp_path / "other")))
    assert other.config["SECRET_KEY"] != first.config["SECRET_KEY"]  # generated, not a constant


def test_workers_starting_together_share_one_secret(app_config, tmp_path):
    """gunicorn starts several workers at once: they must all sign sessions alike."""
    import subprocess
    import sys
    code = ("import sys; from app import create_app; "
            "a = create_app({'REDIS_URL': sys.argv[1], 'INSTANCE_PATH': sys.argv[2], "
            "'SECRET_KEY': None}); print(a.config['SECRET_KEY'])")
    procs = [subprocess.Popen([sys.executable, "-c", code, app_config["REDIS_URL"],
                               str(tmp_path / "inst")], stdout=subprocess.PIPE, text=True)
             for _ in range(6)]
    keys = {p.communicate(timeout=60)[0].strip() for p in procs}
    assert len(keys) == 1 and len(keys.pop()) == 64


def test_one_container_is_all_the_app_keeps(app):
    from services.container import EXTENSION, Services
    assert isinstance(services_of(app), Services)
    assert set(app.extensions) == {EXTENSION, "limiter"}  # "limiter": flask-limiter's own
    services = services_of(app)
    assert services.narrator.engine is services.engine and services.narrator.audio is services.audio
    assert services.articles.fetcher is services.fetcher and services.fetcher.session is services.http


def test_a_job_outside_our_workers_says_how_to_start_them():
    import pytest

    from services.prerender import JobServicesMissing, job_services
    with pytest.raises(JobServicesMissing, match="python -m services.worker"):
        job_services(None)
