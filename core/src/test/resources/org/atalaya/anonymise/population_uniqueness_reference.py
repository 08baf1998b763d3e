#!/usr/bin/env python3
"""Reference values for PopulationUniquenessTest, computed independently of the Java code.

Rerun with:  python3 core/src/test/resources/org/atalaya/anonymise/population_uniqueness_reference.py
Needs numpy and scipy. Each table is a frequency-of-frequencies: {class size: number of classes}.
Every figure is the expected number of the sample's records that are unique in the population.

Independent on purpose: general-purpose optimisers (scipy's bounded L-BFGS-B on the Pitman
log-likelihood, fsolve on the SNB equations) instead of the Java Newton and bracketing code; the
hypergeometric probability from scipy.stats; SNB's sample probabilities P(f=1), P(f=2) are
checked against a direct sum over population class sizes before use.
"""
import math

import numpy as np
from scipy import optimize, special, stats


def population_size(n, pi):
    return int(round(n / pi))


def zayatz(table, pi):
    """Zayatz (1991): f1 * P(F=1 | f=1), class-size shares estimated from the sample."""
    n = sum(j * c for j, c in table.items())
    K = sum(table.values())
    N = population_size(n, pi)
    f1 = table.get(1, 0)
    # scipy's hypergeom(M, n, N): M objects, n of them marked, N drawn.
    weight = {j: c / K * stats.hypergeom(N, j, n).pmf(1) for j, c in table.items()}
    return f1 * weight.get(1, 0.0) / sum(weight.values())


def pitman_loglik(theta, alpha, table):
    """Log-probability of the sample partition under Pitman's (1996) sampling formula."""
    n = sum(j * c for j, c in table.items())
    K = sum(table.values())
    ll = sum(math.log(theta + i * alpha) for i in range(1, K))
    ll -= special.gammaln(theta + n) - special.gammaln(theta + 1)
    ll += sum(c * (special.gammaln(j - alpha) - special.gammaln(1 - alpha)) for j, c in table.items())
    return ll


def pitman_fit(table):
    # Parameters as (log(theta + alpha), alpha) with alpha in [0, 1): a box for L-BFGS-B.
    def negative(x):
        alpha = x[1]
        theta = math.exp(x[0]) - alpha
        return -pitman_loglik(theta, alpha, table)

    best = None
    for start in ([0.0, 0.3], [3.0, 0.5], [6.0, 0.1], [1.0, 0.8]):
        r = optimize.minimize(negative, start, method="L-BFGS-B",
                              bounds=[(-20, 30), (0.0, 1 - 1e-9)], options={"ftol": 1e-15, "gtol": 1e-10})
        if best is None or r.fun < best.fun:
            best = r
    alpha = best.x[1]
    return math.exp(best.x[0]) - alpha, alpha


def pitman(table, pi):
    """f1 times the chance that none of the N - n unsampled records joins a sample unique's class."""
    n = sum(j * c for j, c in table.items())
    N = population_size(n, pi)
    theta, alpha = pitman_fit(table)
    g = special.gammaln
    stay = math.exp(g(theta + alpha + N - 1) - g(theta + alpha + n - 1) + g(theta + n) - g(theta + N))
    return table.get(1, 0) * stay, theta, alpha


def shlosser(table, pi):
    q = 1 - pi
    K = sum(table.values())
    top = sum(q ** j * c for j, c in table.items())
    bottom = sum(j * pi * q ** (j - 1) * c for j, c in table.items())
    return K + table.get(1, 0) * top / bottom


def snb_probabilities(a, b, pi):
    """P(f = 1), P(f = 2) for F - 1 ~ NegBin(a, b) thinned by Bernoulli(pi) sampling (closed form)."""
    q = 1 - pi
    d = 1 - q * (1 - b)
    p1 = pi * (b / d) ** a * (1 + a * q * (1 - b) / d)
    p2 = a * pi * pi * (1 - b) * b ** a * (2 - (1 - a) * q * (1 - b)) / (2 * d ** (a + 2))
    return p1, p2


def snb_probabilities_by_sum(a, b, pi, terms=4000):
    """The same two probabilities by summing over the population class size F."""
    F = np.arange(1, terms + 1)
    logpF = special.gammaln(F - 1 + a) - special.gammaln(a) - special.gammaln(F) + a * math.log(b) + (F - 1) * math.log1p(-b)
    pF = np.exp(logpF)
    return float(np.sum(pF * stats.binom.pmf(1, F, pi))), float(np.sum(pF * stats.binom.pmf(2, F, pi)))


def snb(table, pi):
    """Chen and Keller-McNulty (1998): f1 * P(F=1 | f=1) with (a, b) from E[f1] = f1, E[f2] = f2."""
    K = shlosser(table, pi)
    f1, f2 = table.get(1, 0), table.get(2, 0)

    def equations(x):
        a, b = math.exp(x[0]), 1 / (1 + math.exp(-x[1]))
        p1, p2 = snb_probabilities(a, b, pi)
        return [math.log(K * p1 / f1), math.log(K * p2 / f2)]

    x, info, ok, msg = optimize.fsolve(equations, [0.0, 0.0], full_output=True, xtol=1e-13)
    a, b = math.exp(x[0]), 1 / (1 + math.exp(-x[1]))
    assert ok == 1 and max(abs(v) for v in equations(x)) < 1e-9, msg
    p1, p2 = snb_probabilities(a, b, pi)
    s1, s2 = snb_probabilities_by_sum(a, b, pi)
    assert abs(p1 - s1) < 1e-9 and abs(p2 - s2) < 1e-9, (p1, s1, p2, s2)
    return f1 * pi * b ** a / p1, a, b, K


TABLES = {
    "A": ({1: 30, 2: 10, 3: 5, 4: 2, 10: 1}, 0.05),
    "B": ({1: 120, 2: 40, 3: 15, 5: 6, 8: 2}, 0.3),
    "C": ({1: 8, 2: 6, 3: 4, 4: 3, 6: 1}, 0.5),
}

if __name__ == "__main__":
    for name, (table, pi) in TABLES.items():
        n = sum(j * c for j, c in table.items())
        print(f"table {name}: {table}, n = {n}, pi = {pi}, N = {population_size(n, pi)}")
        print(f"  zayatz {zayatz(table, pi):.10f}")
        p, theta, alpha = pitman(table, pi)
        print(f"  pitman {p:.10f} (theta {theta:.8f}, alpha {alpha:.8f})")
        s, a, b, K = snb(table, pi)
        print(f"  snb    {s:.10f} (a {a:.8f}, b {b:.8f}, K {K:.6f})")
