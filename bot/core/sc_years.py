"""Year of a Security Council resolution from its number.

Security Council resolutions are numbered in one series since 1946, so the year is fixed by
the first number adopted each year. 1946-1994 come from the CR-UNSC gold file
(../shared/corpus/bulk/cr-unsc_res_en_gold_1946-2002.jsonl, numbers 1-899, checked by
tests/test_citations.py); later years are public facts (first resolution adopted each January),
e.g. 1455 (2003) of 17 January 2003 and 2770 (2025) of 24 January 2025.
"""

from __future__ import annotations

from bisect import bisect_right

# year -> number of the first resolution adopted that year
SC_FIRST_OF_YEAR: dict[int, int] = {
    1946: 1, 1947: 16, 1948: 38, 1949: 67, 1950: 79, 1951: 90, 1952: 97, 1953: 99,
    1954: 104, 1955: 106, 1956: 111, 1957: 122, 1958: 127, 1959: 132, 1960: 133,
    1961: 161, 1962: 171, 1963: 178, 1964: 186, 1965: 200, 1966: 220, 1967: 233,
    1968: 245, 1969: 263, 1970: 276, 1971: 292, 1972: 308, 1973: 325, 1974: 345,
    1975: 367, 1976: 385, 1977: 403, 1978: 423, 1979: 444, 1980: 462, 1981: 485,
    1982: 500, 1983: 529, 1984: 546, 1985: 560, 1986: 581, 1987: 594, 1988: 607,
    1989: 627, 1990: 647, 1991: 684, 1992: 726, 1993: 800, 1994: 893, 1995: 970,
    1996: 1036, 1997: 1093, 1998: 1146, 1999: 1220, 2000: 1285, 2001: 1335,
    2002: 1387, 2003: 1455, 2004: 1522, 2005: 1581, 2006: 1652, 2007: 1739,
    2008: 1795, 2009: 1861, 2010: 1908, 2011: 1967, 2012: 2033, 2013: 2086,
    2014: 2133, 2015: 2196, 2016: 2260, 2017: 2337, 2018: 2398, 2019: 2452,
    2020: 2504, 2021: 2561, 2022: 2618, 2023: 2672, 2024: 2722, 2025: 2768,
}  # fmt: skip

# Highest number whose year is known for certain: 2802 (2025) was adopted in November 2025.
# The first number of 2026 is not in this table, so higher numbers get no year.
SC_LAST_KNOWN = 2802

_YEARS = sorted(SC_FIRST_OF_YEAR)
_FIRSTS = [SC_FIRST_OF_YEAR[y] for y in _YEARS]


def sc_year(number: int) -> int | None:
    """Year of Security Council resolution `number` (2231 -> 2015); None if out of range."""
    if number < 1 or number > SC_LAST_KNOWN:
        return None
    return _YEARS[bisect_right(_FIRSTS, number) - 1]
