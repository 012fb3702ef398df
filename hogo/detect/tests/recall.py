"""The two tests of every round's recall table (issue 17): each positive's category is found, and
each hard negative's is not. A round's module keeps its (text, language, category) rows and
binds the tests with ``table_tests``, so that pytest collects them under the round's name.
"""

from collections.abc import Callable, Sequence

import pytest

from hogo.detect import scan

Row = tuple[str, str, str]
Test = Callable[[str, str, str], None]


def table_tests(positives: Sequence[Row], negatives: Sequence[Row]) -> tuple[Test, Test]:
    @pytest.mark.parametrize(("text", "lang", "category"), positives)
    def found(text: str, lang: str, category: str) -> None:
        assert category in scan(text, lang=lang).categories

    @pytest.mark.parametrize(("text", "lang", "category"), negatives)
    def not_found(text: str, lang: str, category: str) -> None:
        assert category not in scan(text, lang=lang).categories

    return found, not_found
