"""The gTTS pool: bounded, most urgent first, cancellable; and the circuit breaker states."""
from __future__ import annotations

import threading

import pytest

from reader.engines.breaker import CircuitBreaker
from reader.engines.pool import PriorityPool


def test_lower_priority_number_runs_first():
    pool = PriorityPool(1, "test")
    gate = threading.Event()
    order = []
    blocker = pool.submit(gate.wait)  # occupies the only worker
    futures = [pool.submit(order.append, name, priority=priority)
               for name, priority in [("tenth of A", 10), ("second of A", 1),
                                      ("first of B", 0), ("eleventh of A", 10)]]
    gate.set()
    blocker.result(5)
    for future in futures:
        future.result(5)
    assert order == ["first of B", "second of A", "tenth of A", "eleventh of A"]
    pool.shutdown()


def test_errors_reach_the_caller_and_shutdown_cancels_waiting_work():
    pool = PriorityPool(1, "test")
    with pytest.raises(ZeroDivisionError):
        pool.submit(lambda: 1 / 0).result(5)
    gate, started = threading.Event(), threading.Event()

    def hold():
        started.set()
        return gate.wait(5)
    running = pool.submit(hold)
    assert started.wait(5)
    waiting = pool.submit(lambda: "never")
    pool.shutdown(cancel_futures=True)
    gate.set()
    assert running.result(5) is True and waiting.cancelled()
    with pytest.raises(RuntimeError):
        pool.submit(lambda: None)


def test_breaker_lets_one_trial_through_when_half_open():
    clock = [0.0]
    breaker = CircuitBreaker(2, 10.0, clock=lambda: clock[0])
    breaker.record_failure()
    assert breaker.state == "closed"
    breaker.record_failure()
    assert breaker.state == "open" and not breaker.acquire()
    clock[0] = 10.0
    assert breaker.state == "half-open"
    assert breaker.acquire() is True and breaker.acquire() is False  # one trial only
    breaker.record_success()
    assert breaker.state == "closed" and breaker.acquire()


def test_start_runs_every_worker_before_any_work():
    """gTTS's warm-up starts them, so a first burst only queues its chunks."""
    pool = PriorityPool(3, "prestart")
    pool.start()
    running = [t for t in threading.enumerate() if t.name.startswith("prestart-")]
    assert len(running) == 3 and all(t.is_alive() for t in running)
    assert pool.submit(sum, [1, 2]).result(timeout=5) == 3
    assert len([t for t in threading.enumerate() if t.name.startswith("prestart-")]) == 3
    pool.shutdown()
