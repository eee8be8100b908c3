"""Schemathesis hooks of the contract test (scripts/contract.ts loads them through SCHEMATHESIS_HOOKS).

The API's document names one string format of its own; this teaches the generator to make values
of it, so generated "valid" requests are valid by every rule the server checks.
"""

from datetime import date

import schemathesis
from hypothesis import strategies as st

# GB 11643 (shared/src/rules/idNumber.ts): weights and check characters of the 18th character.
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK_CHARS = "10X98765432"


def _id_number(region: int, born: date, sequence: int) -> str:
    first17 = f"{region:06d}{born:%Y%m%d}{sequence:03d}"
    return first17 + CHECK_CHARS[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


# `format: gb11643` (shared/src/schemas/common.ts ID_NUMBER_FORMAT): the check character is right and
# the birth date is a real day from 1900 up to a date safely before today in Asia/Shanghai.
schemathesis.openapi.format(
    "gb11643",
    st.builds(
        _id_number,
        st.integers(min_value=100000, max_value=999999),
        st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
        st.integers(min_value=0, max_value=999),
    ),
)


# GB 32100 (shared/src/charity/progress.ts): a 统一社会信用代码's 18th character from the first 17.
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def _credit_code(head: str, region: int, body: str) -> str:
    first17 = f"{head}{region:06d}{body}"
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS))
    return first17 + CREDIT_CHARS[(31 - total % 31) % 31]


# `format: gb32100` (shared/src/charity/progress.ts CREDIT_CODE_FORMAT): the check character is right.
schemathesis.openapi.format(
    "gb32100",
    st.builds(
        _credit_code,
        st.text(alphabet=CREDIT_CHARS, min_size=2, max_size=2),
        st.integers(min_value=100000, max_value=999999),
        st.text(alphabet=CREDIT_CHARS, min_size=9, max_size=9),
    ),
)
