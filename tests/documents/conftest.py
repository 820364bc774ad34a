import pytest

from samples import documents


@pytest.fixture(scope="session")
def decision():
    return documents.load("qd-cap-gcn")


@pytest.fixture(scope="session")
def decision_pdf(decision):
    return documents.render_pdf(decision)
