"""Independent reference for CompareKit's LogOddsDirichlet ("Fightin' Words").

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4), section 3.5: the weighted
log-odds ratio with an informative Dirichlet prior.

Written straight from the paper, with plain dicts and two logs per word, to check the Swift code
(which uses interned ids, dense rows and one log of a ratio). Used by reference_values.py.
"""

import math


def fightin_words(counts_by_group, alpha0=None, min_total=5):
    """For each group against all other groups together, every word's score.

    counts_by_group: {group: {word: count}}.
    alpha0: total mass of the prior; None means the mean number of tokens per group.
    Returns {group: {word: (count_in_group, count_in_rest, delta, variance, z)}} for words whose
    count over all groups is at least min_total.
    """
    totals = {}
    for counts in counts_by_group.values():
        for word, count in counts.items():
            totals[word] = totals.get(word, 0) + count
    n_all = sum(totals.values())
    if alpha0 is None:
        alpha0 = n_all / len(counts_by_group)
    prior = {word: alpha0 * total / n_all for word, total in totals.items()}

    result = {}
    for group, counts in counts_by_group.items():
        n_i = sum(counts.values())
        n_j = n_all - n_i
        scores = {}
        for word, total in totals.items():
            if total < max(1, min_total):
                continue
            a_w = prior[word]
            y_i = counts.get(word, 0)
            y_j = total - y_i
            log_odds_i = math.log((y_i + a_w) / (n_i + alpha0 - y_i - a_w))
            log_odds_j = math.log((y_j + a_w) / (n_j + alpha0 - y_j - a_w))
            delta = log_odds_i - log_odds_j
            variance = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
            scores[word] = (y_i, y_j, delta, variance, delta / math.sqrt(variance))
        result[group] = scores
    return result


def top_words(scores, k):
    """(over-used, under-used): k words by largest z and k by smallest z, ties alphabetical."""
    over = sorted(scores, key=lambda w: (-scores[w][4], w))[:k]
    under = sorted(scores, key=lambda w: (scores[w][4], w))[:k]
    return over, under
