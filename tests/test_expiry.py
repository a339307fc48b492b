"""Expiry arithmetic: calendar months (python-dateutil), archived from the expiry date itself."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generator.derive.publication import expiry_date, is_archived


@pytest.mark.parametrize(("published", "months", "expires"), [
    (date(2019, 3, 14), 12, date(2020, 3, 14)),
    (date(2019, 1, 31), 12, date(2020, 1, 31)),
    (date(2016, 2, 29), 12, date(2017, 2, 28)),  # no 29 February in 2017: the month's last day
    (date(2019, 1, 31), 1, date(2019, 2, 28)),
    (date(2020, 1, 31), 1, date(2020, 2, 29)),
    (date(2019, 8, 31), 6, date(2020, 2, 29)),
    (date(2016, 2, 29), 48, date(2020, 2, 29)),
    (date(2019, 12, 31), 24, date(2021, 12, 31)),
])
def test_expiry_is_calendar_months_after_publication(published, months, expires):
    assert expiry_date(published, months) == expires


@pytest.mark.parametrize("published", [date(2019, 3, 14), date(2019, 1, 31), date(2016, 2, 29)])
def test_archived_from_the_expiry_date_itself_not_the_day_before(published):
    expires = expiry_date(published, 12)
    assert not is_archived(published, expires - timedelta(days=1), 12)
    assert is_archived(published, expires, 12)
    assert is_archived(published, expires + timedelta(days=1), 12)
    assert not is_archived(published, published, 12)
