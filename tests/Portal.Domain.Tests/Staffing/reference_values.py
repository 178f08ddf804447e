#!/usr/bin/env python3
"""Reference values for ErlangCTests, computed without the Erlang B recursion the C# code uses.

Erlang C is taken straight from its factorial definition,

    C(N, A) = (A^N / N! * N / (N - A)) / (sum_{k=0}^{N-1} A^k / k! + A^N / N! * N / (N - A)),

in exact rational arithmetic. With A = p / q in lowest terms, multiplying the numerator and the denominator by
q^N * (N - 1)! turns every term into an integer:

    C(N, A) = p^N / ((N q - p) * S + p^N),   S = sum_{k=0}^{N-1} p^k q^(N-1-k) (N-1)! / k!,

so C is an exact fraction even at 11,000 agents (numbers of ~150,000 bits). Only the final exp() of the
service level is not rational; it is evaluated in decimal with 60 significant digits.

Inputs are written as decimal strings and read as exact fractions, so 0.3 shrinkage is 3/10, not the nearest
binary double. N is found by a plain scan from the least candidate upward, each candidate computed afresh.

Run: python3 tests/Portal.Domain.Tests/Staffing/reference_values.py   (about 25 seconds; prints the table pasted
into ErlangCTests.cs; with --csharp, the same cases as the [InlineData] rows of that file).
"""
import sys
from decimal import Decimal, getcontext
from fractions import Fraction
from math import ceil, factorial, floor

getcontext().prec = 60
SCALE = 10 ** 60

# name, contacts, AHT (s), concurrency, interval (s), SL target, answer time T (s), shrinkage, occupancy cap
CASES = [
    ("worked example",      "100",   "180", 1, 1800, "0.8",  "20",  "0.3",  "0.9"),
    ("small A=1",           "18",    "100", 1, 1800, "0.8",  "20",  "0",    "0.9"),
    ("small A=2.5",         "25",    "180", 1, 1800, "0.95", "30",  "0.2",  "0.9"),
    ("small A=3",           "36",    "150", 1, 1800, "0.9",  "15",  "0.25", "0.9"),
    ("small A=5",           "30",    "300", 1, 1800, "0.8",  "20",  "0.3",  "0.9"),
    ("fractional A=7.3",    "73",    "180", 1, 1800, "0.8",  "20",  "0.3",  "0.9"),
    ("medium A=50",         "300",   "300", 1, 1800, "0.8",  "20",  "0.3",  "0.9"),
    ("medium A=75",         "450",   "300", 1, 1800, "0.9",  "10",  "0.35", "0.95"),
    ("medium A=100",        "600",   "300", 1, 1800, "0.9",  "15",  "0.3",  "0.95"),
    ("large A=1000",        "6000",  "300", 1, 1800, "0.8",  "20",  "0.3",  "1"),
    ("large A=10000",       "60000", "300", 1, 1800, "0.8",  "20",  "0.3",  "1"),
    ("large A=11000",       "66000", "300", 1, 1800, "0.95", "10",  "0.3",  "1"),
    ("large capped A=10000", "60000", "300", 1, 1800, "0.8", "20",  "0.3",  "0.9"),
    ("chat x2 A=100/3",     "200",   "600", 2, 1800, "0.9",  "30",  "0.3",  "0.95"),
    ("chat x3 A=15",        "90",    "900", 3, 1800, "0.85", "30",  "0.3",  "0.9"),
    ("cap binds A=10",      "100",   "180", 1, 1800, "0.5",  "60",  "0.3",  "0.9"),
    ("cap binds A=100",     "600",   "300", 1, 1800, "0.5",  "60",  "0.3",  "0.85"),
    ("no wait allowed T=0", "100",   "180", 1, 1800, "0.8",  "0",   "0.3",  "0.9"),
    ("long target T=300",   "100",   "180", 1, 1800, "0.8",  "300", "0.3",  "1"),
    ("short target T=5",    "300",   "300", 1, 1800, "0.95", "5",   "0.3",  "0.9"),
    ("15-min interval A=20", "100",  "180", 1, 900,  "0.8",  "20",  "0.3",  "0.9"),
]

def erlang_c(n, a):
    """Exact C(n, a) as a Fraction, from the factorial formula (see the module docstring)."""
    p, q = a.numerator, a.denominator
    # term_k = p^k q^(n-1-k) (n-1)!/k!; term_0 is written from its definition, and each next term is the
    # previous times p / (q k), an exact integer division because every term is an integer.
    term = q ** (n - 1) * factorial(n - 1)
    total = term
    for k in range(1, n):
        term, remainder = divmod(term * p, q * k)
        assert remainder == 0
        total += term
    pn = p ** n
    return Fraction(pn, (n * q - p) * total + pn)


def direct_small(n, a):
    """The same formula written term by term with factorials, only affordable for small n: a check on erlang_c."""
    top = a ** n / factorial(n) * Fraction(n) / (n - a)
    return top / (sum(a ** k / Fraction(factorial(k)) for k in range(n)) + top)


def to_decimal(f):
    return Decimal(f.numerator * SCALE // f.denominator) / Decimal(SCALE)


def service_level(n, a, t, h):
    c = erlang_c(n, a)
    return Decimal(1) - to_decimal(c) * (-to_decimal((n - a) * t / h)).exp(), c


def solve(contacts, aht, concurrency, interval, target, t, shrinkage, cap):
    h = Fraction(aht) / concurrency
    a = Fraction(contacts) * h / interval
    target, t, shrinkage, cap = Fraction(target), Fraction(t), Fraction(shrinkage), Fraction(cap)
    n_queue = floor(a) + 1          # least integer above A
    n_cap = ceil(a / cap)           # least integer with A/N <= cap
    n = max(n_queue, n_cap)
    while True:
        sl, c = service_level(n, a, t, h)
        if sl >= to_decimal(target):
            break
        n += 1
    asa = c * h / (n - a)
    below = service_level(n - 1, a, t, h)[0] if n - 1 > a else None
    # What decided N: the service level (N - 1 was allowed and fell short), the occupancy cap (N - 1 would
    # exceed it), or simply N > A (N - 1 would not be above the traffic).
    first = max(n_queue, n_cap)
    decided = "SL" if n > first else ("cap" if n_cap > n_queue else "N>A")
    scheduled = ceil(n / (1 - shrinkage))
    return a, n, sl, below, asa, a / n, scheduled, decided


for n, a in [(1, Fraction(1, 2)), (5, Fraction(3)), (14, Fraction(10)), (40, Fraction(100, 3)), (120, Fraction(100))]:
    assert erlang_c(n, a) == direct_small(n, a), (n, a)

rows = [(name, inputs, solve(*inputs)) for name, *inputs in CASES]

if "--csharp" in sys.argv:
    # One [InlineData] per case, in the column order of ErlangCTests.Required_agents_match_the_exact_reference.
    for name, (contacts, aht, conc, interval, target, t, shrinkage, cap), result in rows:
        a, n, sl, below, asa, occ, scheduled, decided = result
        print(f'    [InlineData("{name}", {contacts}, {aht}, {conc}, {interval}, {target}, {t}, {shrinkage}, {cap}, '
              f'{float(a)!r}, {n}, {sl:.12f}, {float(asa):.12g}, {float(occ)!r}, {scheduled})]')
else:
    print(f"{'case':<22} {'A':>12} {'N':>6} {'SL(N)':>14} {'SL(N-1)':>14} {'ASA s':>16} {'occupancy':>12} {'sched':>6} by")
    for name, inputs, (a, n, sl, below, asa, occ, scheduled, decided) in rows:
        below_text = f"{below:.10f}" if below is not None else "-"
        print(f"{name:<22} {float(a):>12.6f} {n:>6} {sl:>14.10f} {below_text:>14} {float(asa):>16.10g} "
              f"{float(occ):>12.10f} {scheduled:>6} {decided}")
