"""Payment card numbers: the issuer ranges (IIN) and lengths of the major networks, and Luhn.

A number of 12 to 19 digits is a card number when its Luhn check passes and its first digits
and length belong to a network. Twelve and thirteen digits (Maestro, old Visa) are as long as
many order and account numbers, a tenth of which pass Luhn by chance: those count only with
a card cue near (card, カード, Visa...) or written in groups of four.
"""

# (first digits low, high, lengths): prefixes compared as integers of the same width.
_RANGES: tuple[tuple[str, str, frozenset[int]], ...] = (
    ("4", "4", frozenset({13, 16, 19})),  # Visa
    ("51", "55", frozenset({16})),  # Mastercard
    ("2221", "2720", frozenset({16})),  # Mastercard 2-series
    ("34", "34", frozenset({15})),  # American Express
    ("37", "37", frozenset({15})),
    ("6011", "6011", frozenset(range(16, 20))),  # Discover
    ("644", "649", frozenset(range(16, 20))),
    ("65", "65", frozenset(range(16, 20))),
    ("3500", "3599", frozenset(range(16, 20))),  # JCB (3528-3589, and test ranges in 35)
    ("1800", "1800", frozenset({15})),  # JCB, 15 digits
    ("2131", "2131", frozenset({15})),
    ("300", "305", frozenset(range(14, 20))),  # Diners Club
    ("3095", "3095", frozenset(range(14, 20))),
    ("36", "36", frozenset(range(14, 20))),
    ("38", "39", frozenset(range(14, 20))),
    ("62", "62", frozenset(range(16, 20))),  # UnionPay
    ("81", "81", frozenset(range(16, 20))),
    ("2200", "2204", frozenset(range(16, 20))),  # Mir
    ("60", "60", frozenset({16})),  # RuPay
    ("508", "508", frozenset({16})),
    ("50", "50", frozenset(range(12, 20))),  # Maestro
    ("56", "58", frozenset(range(12, 20))),
    ("639", "639", frozenset(range(12, 20))),
    ("67", "67", frozenset(range(12, 20))),
    ("6304", "6304", frozenset(range(12, 20))),
    ("0604", "0604", frozenset(range(12, 20))),
)
SHORT = 13  # up to this length a number needs a cue or grouping


def luhn_valid(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card_network_fits(digits: str) -> bool:
    """The first digits and the length belong to a network."""
    n = len(digits)
    return any(n in lengths and low <= digits[: len(low)] <= high for low, high, lengths in _RANGES)


def card_number_valid(digits: str, *, cued: bool, grouped: bool) -> bool:
    if not 12 <= len(digits) <= 19 or not luhn_valid(digits) or not card_network_fits(digits):
        return False
    return len(digits) > SHORT or cued or grouped
