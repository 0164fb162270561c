"""Far dates on the command line give one plain line and exit 1, never a traceback."""

import pytest

from planwriter.cli import main


@pytest.mark.parametrize("argv", [
    ["guidance", "records", "--date", "9999-12-31"],
    ["guidance", "records", "--date", "0001-01-01"],
    ["cases", ".", "--no-index", "--date", "9999-12-31"],
    ["cases", ".", "--no-index", "--due-within", "3000000"],
])
def test_far_dates_are_refused_in_one_line(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and ("too far away" in err or "from 0 to 3660" in err)


def test_dates_inside_the_range_still_work(capsys):
    assert main(["guidance", "records", "--date", "2199-12-31"]) == 0
