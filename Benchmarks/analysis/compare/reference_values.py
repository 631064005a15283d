"""Reference values for CompareKit's statistics, from independent implementations.

Writes Tests/CompareKitTests/ReferenceValues.swift, which the Swift tests (StatisticsTests.swift and
friends) compare against. Re-run after changing a case:

    python3 -m pip install --user scipy krippendorff    # or in a venv
    python3 Benchmarks/analysis/compare/reference_values.py

Sources of truth:
  - special functions: scipy.special.gammaln / gammainc / gammaincc, scipy.stats.chi2.sf,
    scipy.stats.norm.cdf / norm.ppf
  - chi-square: scipy.stats.chi2_contingency(correction=False), scipy.stats.contingency.association
  - Fisher: scipy.stats.fisher_exact (two-sided)
  - Wilson: scipy.stats.binomtest(k, n).proportion_ci(method="wilson")
  - Benjamini-Hochberg: scipy.stats.false_discovery_control(method="bh")
  - Krippendorff's alpha: the `krippendorff` package (PyPI)
  - log-odds with Dirichlet prior: reference_logodds.py beside this file (written from the paper)
Python's repr of a float round-trips, so the Swift literals are the exact doubles scipy produced.
"""

import json
from importlib import metadata
import math
import os
import sys

import krippendorff
import numpy as np
import scipy
from scipy import special, stats
from scipy.stats import contingency

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference_logodds import fightin_words, top_words  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "Tests", "CompareKitTests", "ReferenceValues.swift")


def f(x):
    """A Swift Double literal."""
    x = float(x)
    if math.isinf(x):
        return ".infinity" if x > 0 else "-.infinity"
    return repr(x)


def opt(x):
    return "nil" if x is None else f(x)


lines = []


def emit(s=""):
    lines.append(s)


# MARK: special functions

LOG_GAMMA_X = [1e-8, 0.1, 0.5, 1.5, 2.5, 3.0, 7.25, 10.0, 33.3, 100.5, 1234.5, 1e5, 1e7]

GAMMA_AX = [
    (0.5, 0.01), (0.5, 2.0), (1.0, 1.0), (1.5, 1.4), (1.5, 2.6), (2.0, 1e-5), (2.5, 0.5),
    (3.0, 10.0), (5.0, 100.0), (10.0, 9.5), (10.0, 11.0), (50.0, 40.0), (50.0, 70.0),
    (100.0, 100.0), (500.0, 520.0), (1000.0, 1100.0), (0.1, 30.0), (0.1, 1e-3),
]

CHI2_SF = [
    (3.841458820694124, 1), (12.3, 4), (1e-6, 2), (0.5, 1), (500.0, 10), (1200.0, 4),
    (70.0, 100), (40.0, 100), (25.0, 3), (2.0, 7),
]

NORMAL_X = [-37.0, -10.0, -3.0, -1.96, -0.5, 0.0, 0.5, 1.6448536269514722, 3.0, 8.0]
NORMAL_P = [1e-300, 1e-10, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999]

# MARK: contingency tables

CHI2_TABLES = [
    ("moderate 2x3", [[10, 20, 30], [20, 25, 15]]),
    ("3x4 strong association", [[120, 90, 40, 30], [80, 100, 60, 20], [30, 50, 70, 90]]),
    ("huge counts, p near 0", [[5000, 3000], [3000, 5000]]),
    ("p near 1", [[100, 200, 300], [101, 199, 300]]),
    ("exactly proportional", [[10, 20], [20, 40]]),
    ("tiny counts", [[1, 0, 2], [0, 3, 1]]),
    ("small 2x2", [[3, 1], [1, 3]]),
    ("empty rows and column", [[0, 0, 0, 0], [5, 0, 3, 8], [2, 0, 9, 1], [0, 0, 0, 0]]),
    ("one row (1xk)", [[4, 5, 6]]),
    ("2x2 in the thousands", [[1523, 1477], [1398, 1602]]),
    ("5x6 mixed", [
        [12, 7, 30, 4, 9, 15],
        [8, 14, 22, 6, 11, 9],
        [25, 3, 18, 10, 7, 20],
        [5, 9, 12, 15, 13, 4],
        [17, 11, 9, 8, 21, 6],
    ]),
    ("one expected count below 1", [[40, 30, 1], [35, 42, 0], [38, 33, 1]]),
]

FISHER = [
    (8, 2, 1, 5), (3, 1, 1, 3), (0, 5, 5, 0), (2, 7, 8, 2), (0, 0, 5, 5), (10, 10, 10, 10),
    (1, 0, 0, 1), (100, 0, 0, 100), (12, 5, 30, 120), (7, 1200, 3, 2500),
    (1500, 2300, 2100, 1900), (2000, 2010, 1990, 2005), (5000, 4000, 4000, 5000), (1523, 1477, 1398, 1602),
]

WILSON = [
    (0, 10, 0.95), (10, 10, 0.95), (3, 10, 0.95), (45, 340, 0.95), (1, 1000, 0.95), (999, 1000, 0.95),
    (500, 1000, 0.95), (3, 10, 0.90), (3, 10, 0.99), (1, 1, 0.95),
]

BH = [
    [0.01, 0.04, 0.03, 0.005, 0.5, 0.2, 0.04, 1.0, 0.0001, 0.03],
    [0.5],
    [0.02, 0.02, 0.02, 0.02],
    [1e-12, 0.9, 0.049, 0.051, 0.3],
]

# units x coders (the krippendorff package wants coders x units: transposed below); None = missing
NAN = None
KRIPPENDORFF = [
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 coders x 12 units example.
    ("Krippendorff 2011 example", [list(r) for r in zip(*[
        [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
        [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
    ])]),
    ("perfect agreement with missing values", [[1, 1, NAN], [2, 2, 2], [3, NAN, 3], [NAN, 4, 4], [7, NAN, NAN]]),
    ("systematic disagreement", [[1, 2], [2, 1], [1, 2], [2, 1]]),
    ("three coders, many missing, decimals", [
        [1.5, 2.0, NAN], [3.25, 3.0, 3.5], [NAN, 7.0, 6.0], [2.0, NAN, 2.5], [10.0, 9.0, 9.5],
        [4.0, 4.0, NAN], [NAN, NAN, 1.0], [5.5, 6.5, 5.0], [0.0, 1.0, 0.5], [8.0, NAN, 7.5],
    ]),
    ("large values (cancellation)", [[1e6 + 1, 1e6 + 2], [1e6 + 3, 1e6 + 3], [1e6 + 5, 1e6 + 4], [1e6, 1e6 + 1]]),
]

# MARK: log-odds corpus: group -> word -> count

LOG_ODDS_COUNTS = {
    "Courier": {
        "government": 40, "regime": 2, "militants": 15, "fighters": 3, "civilians": 20, "killed": 30,
        "died": 5, "attack": 18, "offensive": 4, "security": 25, "terror": 12, "ceasefire": 6,
        "talks": 9, "said": 60, "according": 10, "rare": 1, "tieA": 3, "tieB": 3,
    },
    "Herald": {
        "government": 12, "regime": 30, "militants": 3, "fighters": 14, "civilians": 22, "killed": 28,
        "died": 9, "attack": 17, "offensive": 12, "security": 6, "occupation": 11, "ceasefire": 7,
        "talks": 5, "said": 55, "according": 8, "rare": 1, "exactly5": 5,
    },
    "Wire": {
        "government": 25, "regime": 5, "militants": 8, "fighters": 6, "civilians": 21, "killed": 35,
        "died": 4, "attack": 20, "offensive": 3, "security": 14, "occupation": 1, "terror": 2,
        "ceasefire": 9, "talks": 12, "said": 80, "according": 30, "rare": 2, "once": 1, "tieA": 2, "tieB": 2,
    },
}
LOG_ODDS_TOP = 5
LOG_ODDS_FIXED_ALPHA0 = 50.0


def main():
    emit("// Generated by Benchmarks/analysis/compare/reference_values.py: do not edit by hand, re-run it.")
    emit(f"// scipy {scipy.__version__}, numpy {np.__version__}, krippendorff {metadata.version('krippendorff')}, "
         f"Python {sys.version.split()[0]}")
    emit()
    emit("/// Reference values computed by scipy, the `krippendorff` package and reference_logodds.py.")
    emit("enum ReferenceValues {")

    emit("    /// (x, scipy.special.gammaln(x))")
    emit("    static let logGamma: [(x: Double, value: Double)] = [")
    for x in LOG_GAMMA_X:
        emit(f"        ({f(x)}, {f(special.gammaln(x))}),")
    emit("    ]")

    emit("    /// (a, x, gammainc(a, x), gammaincc(a, x))")
    emit("    static let incompleteGamma: [(a: Double, x: Double, lower: Double, upper: Double)] = [")
    for a, x in GAMMA_AX:
        emit(f"        ({f(a)}, {f(x)}, {f(special.gammainc(a, x))}, {f(special.gammaincc(a, x))}),")
    emit("    ]")

    emit("    /// (x, df, chi2.sf(x, df))")
    emit("    static let chiSquareSurvival: [(x: Double, degreesOfFreedom: Int, value: Double)] = [")
    for x, df in CHI2_SF:
        emit(f"        ({f(x)}, {df}, {f(stats.chi2.sf(x, df))}),")
    emit("    ]")

    emit("    /// (x, norm.cdf(x))")
    emit("    static let normalCDF: [(x: Double, value: Double)] = [")
    for x in NORMAL_X:
        emit(f"        ({f(x)}, {f(stats.norm.cdf(x))}),")
    emit("    ]")

    emit("    /// (p, norm.ppf(p))")
    emit("    static let normalQuantile: [(p: Double, value: Double)] = [")
    for p in NORMAL_P:
        emit(f"        ({f(p)}, {f(stats.norm.ppf(p))}),")
    emit("    ]")

    emit("    /// chi2_contingency(correction=False) on the table without its all-zero rows and columns;")
    emit("    /// Cramér's V from contingency.association; Fisher from fisher_exact when that table is 2x2.")
    emit("    static let chiSquareTables: [ChiSquareCase] = [")
    for name, table in CHI2_TABLES:
        t = np.array(table)
        t = t[t.sum(axis=1) > 0][:, t.sum(axis=0) > 0]
        res = stats.chi2_contingency(t, correction=False)
        if min(t.shape) >= 2:
            v = contingency.association(t, method="cramer", correction=False)
        else:
            v = 0.0  # not testable: CompareKit's documented choice (scipy has no V for a 1xk table)
        expected = res.expected_freq
        fisher = stats.fisher_exact(t).pvalue if t.shape == (2, 2) else None
        emit(f"        ChiSquareCase(name: {json.dumps(name)}, table: {table},")
        emit(f"            statistic: {f(res.statistic)}, degreesOfFreedom: {int(res.dof)}, pValue: {f(res.pvalue)},")
        emit(f"            cramersV: {f(v)}, n: {int(t.sum())}, smallestExpectedCount: {f(expected.min())},")
        emit(f"            expectedCountsBelowFive: {int((expected < 5).sum())}, cellCount: {expected.size}, "
             f"fisherExactPValue: {opt(fisher)}),")
    emit("    ]")

    emit("    /// (a, b, c, d, fisher_exact([[a, b], [c, d]]).pvalue)")
    emit("    static let fisher: [(a: Int, b: Int, c: Int, d: Int, pValue: Double)] = [")
    for a, b, c, d in FISHER:
        emit(f"        ({a}, {b}, {c}, {d}, {f(stats.fisher_exact([[a, b], [c, d]]).pvalue)}),")
    emit("    ]")

    emit("    /// (successes, n, level, binomtest(k, n).proportion_ci(level, method=\"wilson\"))")
    emit("    static let wilson: [(successes: Int, n: Int, level: Double, lower: Double, upper: Double)] = [")
    for k, n, level in WILSON:
        ci = stats.binomtest(k, n).proportion_ci(confidence_level=level, method="wilson")
        emit(f"        ({k}, {n}, {f(level)}, {f(ci.low)}, {f(ci.high)}),")
    emit("    ]")

    emit("    /// (p-values, false_discovery_control(p, method=\"bh\"))")
    emit("    static let benjaminiHochberg: [(pValues: [Double], adjusted: [Double])] = [")
    for ps in BH:
        adj = stats.false_discovery_control(ps, method="bh")
        emit(f"        ([{', '.join(f(p) for p in ps)}],")
        emit(f"         [{', '.join(f(p) for p in adj)}]),")
    emit("    ]")

    emit("    /// units x coders (nil = missing); alpha from krippendorff.alpha at each level")
    emit("    static let krippendorff: [KrippendorffCase] = [")
    for name, units in KRIPPENDORFF:
        data = np.array([[np.nan if v is None else v for v in row] for row in units], dtype=float).T
        nominal = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        interval = krippendorff.alpha(reliability_data=data, level_of_measurement="interval")
        rows = ", ".join("[" + ", ".join("nil" if v is None else f(v) for v in row) + "]" for row in units)
        emit(f"        KrippendorffCase(name: \"{name}\", units: [{rows}],")
        emit(f"            nominal: {f(nominal)}, interval: {f(interval)}),")
    emit("    ]")

    emit("    /// The log-odds test corpus: group -> word -> count.")
    emit("    static let logOddsCounts: [String: [String: Int]] = [")
    for group, counts in LOG_ODDS_COUNTS.items():
        inner = ", ".join(f"\"{w}\": {c}" for w, c in counts.items())
        emit(f"        \"{group}\": [{inner}],")
    emit("    ]")
    emit(f"    static let logOddsTopCount = {LOG_ODDS_TOP}")
    emit(f"    static let logOddsFixedAlpha0 = {f(LOG_ODDS_FIXED_ALPHA0)}")
    for label, alpha0 in [("MeanGroupSize", None), ("FixedAlpha0", LOG_ODDS_FIXED_ALPHA0)]:
        scores = fightin_words(LOG_ODDS_COUNTS, alpha0=alpha0, min_total=5)
        emit(f"    /// reference_logodds.fightin_words(alpha0={alpha0}, min_total=5): every scored word, by group")
        emit(f"    static let logOddsScores{label}: [String: [LogOddsCase]] = [")
        for group in sorted(scores):
            emit(f"        \"{group}\": [")
            for word in sorted(scores[group]):
                yi, yj, delta, var, z = scores[group][word]
                emit(f"            LogOddsCase(word: \"{word}\", countInGroup: {yi}, countInRest: {yj}, "
                     f"delta: {f(delta)}, variance: {f(var)}, zScore: {f(z)}),")
            emit("        ],")
        emit("    ]")
        emit(f"    /// reference_logodds.top_words(k={LOG_ODDS_TOP}): (over-used, under-used) by group")
        emit(f"    static let logOddsTop{label}: [String: (overUsed: [String], underUsed: [String])] = [")
        for group in sorted(scores):
            over, under = top_words(scores[group], LOG_ODDS_TOP)
            emit(f"        \"{group}\": ([{', '.join(chr(34) + w + chr(34) for w in over)}], "
                 f"[{', '.join(chr(34) + w + chr(34) for w in under)}]),")
        emit("    ]")
    emit("}")

    with open(OUT, "w") as out:
        out.write("\n".join(lines) + "\n")
    print(f"wrote {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
