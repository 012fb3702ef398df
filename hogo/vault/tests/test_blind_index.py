"""The blind index is HMAC-SHA256 of the normalized value under its key, truncated."""

import hmac
import os
import random

from hogo.vault.crypto import BLIND_INDEX_BYTES, BlindIndexer


def test_its_digests_are_the_hmac_of_the_value_under_its_key() -> None:
    rng = random.Random(20)
    alphabet = "abc@.+-0123456789山田ヤマダ花子 \u00e9"
    for key_length in (16, 32, 64, 65, 100):
        key = os.urandom(key_length)
        indexer = BlindIndexer(key)
        for _ in range(300):
            value = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
            expected = hmac.new(key, value.encode(), "sha256").digest()[:BLIND_INDEX_BYTES]
            assert indexer.digest(value) == expected.hex()


def test_another_key_gives_another_digest() -> None:
    assert BlindIndexer(b"k" * 32).digest("a@example.jp") != BlindIndexer(b"j" * 32).digest(
        "a@example.jp"
    )
