"""Times on the consent page and in the request mail read as people write them (issue 21):
2026年4月1日 in Japanese, never an ISO date."""

from datetime import UTC, datetime

from hogo.policy.wording import moment_shown


def test_a_time_reads_as_a_japanese_date_in_japanese_and_an_english_one_in_english() -> None:
    moment = datetime(2026, 4, 1, 1, 30, tzinfo=UTC)  # 10:30 in Tokyo
    assert moment_shown(moment, "ja") == "2026年4月1日 10:30（JST）"
    assert moment_shown(moment, "en") == "April 1, 2026, 10:30 JST"
