"""Logs never carry a child's personal details, whatever the app does with the case."""

from __future__ import annotations

import logging

from planwriter.core import casefile
from planwriter.render.batch import export_all


def test_saving_loading_and_exporting_log_no_personal_details(tmp_path, sample_case, caplog):
    caplog.set_level(logging.DEBUG)
    path = casefile.save(sample_case, tmp_path / "alex.pwcase")
    casefile.save(casefile.load(path), path)
    export_all(sample_case, tmp_path / "out")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert logged  # the run did log something
    for detail in ("Alex", "Rivera", "2017-03-14", "March 14, 2017", "204817", "Maple Grove", "Alder Street",
                   "555-0142", "maria.rivera@example.org", "dyslexia", "ADHD", str(tmp_path)):
        assert detail not in logged, detail
