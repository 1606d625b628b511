/**
 * Quantile functions the public-health statistics need: the standard normal quantile
 * (R's `qnorm`) and the gamma / chi-squared quantiles (R's `qgamma` / `qchisq`) used by the
 * exact Poisson limits of `phe_rate`.
 *
 * `normalQuantile` follows Wichura's Algorithm AS 241 (PPND16) with the same coefficients and
 * the same order of operations as R's `src/nmath/qnorm.c`, so it returns the same double as R
 * for the probabilities used here (0.975, 0.999, ...).
 *
 * `gammaQuantile` inverts the regularised incomplete gamma function with safeguarded Halley
 * steps until the step is below one part in 1e15; it agrees with R's `qgamma` to about 1e-14
 * relative (checked in the tests against high-precision values).
 */

const SQRT2 = Math.SQRT2
const LOG_SQRT_2PI = 0.9189385332046727417803297 // log(sqrt(2 * pi))

/** The standard normal quantile: the z with P(Z <= z) = p (R's `qnorm(p)`). */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  const q = p - 0.5
  if (Math.abs(q) <= 0.425) {
    // 0.075 <= p <= 0.925
    const r = 0.180625 - q * q
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852854561 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    )
  }
  // closer than 0.075 to 0 or 1: r = sqrt(-log(min(p, 1 - p)))
  // (R computes 1 - p as 0.5 - p + 0.5; both are exact here)
  let r = Math.sqrt(-Math.log(q > 0 ? 0.5 - p + 0.5 : p))
  let value: number
  if (r <= 5) {
    // min(p, 1 - p) >= exp(-25), about 1.4e-11
    r += -1.6
    value =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1)
  } else if (r >= 816) {
    value = r * SQRT2
  } else {
    r += -5
    value =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1)
  }
  return q < 0 ? -value : value
}

/**
 * The two-sided critical value PHEindicatormethods uses for a confidence level:
 * `qnorm(confidence + (1 - confidence) / 2)`, written in the same order so the
 * probability (and so z) is the same double as in R.
 */
export function twoSidedZ(confidence: number): number {
  return normalQuantile(confidence + (1 - confidence) / 2)
}

/** Stirling series for log(gamma(x)) - ((x - 0.5) log x - x + log sqrt(2 pi)), accurate for x >= 15. */
function stirlingCorrection(x: number): number {
  const x2 = x * x
  return (
    (1 / 12 -
      (1 / 360 - (1 / 1260 - (1 / 1680 - (1 / 1188 - (691 / 360360 - 1 / (156 * x2)) / x2) / x2) / x2) / x2) / x2) /
    x
  )
}

/** log(gamma(x)) for x > 0, accurate to a few units in 1e-15. */
export function logGamma(x: number): number {
  if (Number.isNaN(x) || x <= 0) return Number.NaN
  if (x === 1 || x === 2) return 0
  // shift small arguments up to where the Stirling series is accurate
  let shift = 1
  let y = x
  while (y < 15) {
    shift *= y
    y += 1
  }
  const value = (y - 0.5) * Math.log(y) - y + LOG_SQRT_2PI + stirlingCorrection(y)
  return shift === 1 ? value : value - Math.log(shift)
}

/** log of x^a e^-x / gamma(a), the common factor of both incomplete gamma expansions. */
function logGammaPrefactor(a: number, x: number): number {
  return a * Math.log(x) - x - logGamma(a)
}

/** The lower tail P(a, x) by its power series; best when x < a + 1. */
function lowerGammaSeries(a: number, x: number): number {
  let term = 1 / a
  let sum = term
  for (let n = 1; n < 10000; n++) {
    term *= x / (a + n)
    sum += term
    if (Math.abs(term) < Math.abs(sum) * 1e-17) break
  }
  return sum * Math.exp(logGammaPrefactor(a, x))
}

/** The upper tail Q(a, x) by its continued fraction (modified Lentz); best when x >= a + 1. */
function upperGammaContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300
  let b = x + 1 - a
  let c = 1 / tiny
  let d = 1 / b
  let h = d
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < tiny) d = tiny
    c = b + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return Math.exp(logGammaPrefactor(a, x)) * h
}

/** The regularised lower incomplete gamma function P(a, x) = P(X <= x) for X ~ Gamma(shape a, scale 1). */
export function regularizedGammaP(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a < 0 || x < 0) return Number.NaN
  if (a === 0) return 1
  if (x === 0) return 0
  if (x === Number.POSITIVE_INFINITY) return 1
  return x < a + 1 ? lowerGammaSeries(a, x) : 1 - upperGammaContinuedFraction(a, x)
}

/** The regularised upper incomplete gamma function Q(a, x) = 1 - P(a, x). */
export function regularizedGammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a < 0 || x < 0) return Number.NaN
  if (a === 0) return 0
  if (x === 0) return 1
  if (x === Number.POSITIVE_INFINITY) return 0
  return x < a + 1 ? 1 - lowerGammaSeries(a, x) : upperGammaContinuedFraction(a, x)
}

/** The gamma density with shape a and scale 1 at x > 0. */
function gammaDensity(a: number, x: number): number {
  return Math.exp((a - 1) * Math.log(x) - x - logGamma(a))
}

/** A starting point for the gamma quantile (Numerical Recipes, 3rd edn, section 6.2.1). */
function gammaQuantileStart(p: number, a: number): number {
  if (a > 1) {
    const pp = p < 0.5 ? p : 1 - p
    const t = Math.sqrt(-2 * Math.log(pp))
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
    if (p < 0.5) z = -z
    return Math.max(1e-3, a * Math.pow(1 - 1 / (9 * a) - z / (3 * Math.sqrt(a)), 3))
  }
  const t = 1 - a * (0.253 + a * 0.12)
  return p < t ? Math.pow(p / t, 1 / a) : 1 - Math.log(1 - (p - t) / (1 - t))
}

/**
 * The gamma quantile with shape `shape` and scale 1 (R's `qgamma(p, shape)`).
 * Shape 0 is the point mass at 0, as in R, so the quantile is 0.
 */
export function gammaQuantile(p: number, shape: number): number {
  if (Number.isNaN(p) || Number.isNaN(shape) || p < 0 || p > 1 || shape < 0) return Number.NaN
  if (shape === 0 || p === 0) return 0
  if (p === 1) return Number.POSITIVE_INFINITY
  // work in the smaller tail, where the target probability is held without cancellation
  const useUpper = p > 0.5
  const target = useUpper ? 1 - p : p
  // f(x) = P(shape, x) - p, increasing in x
  const f = (x: number): number =>
    useUpper ? target - regularizedGammaQ(shape, x) : regularizedGammaP(shape, x) - target
  let lo = 0
  let hi = Number.POSITIVE_INFINITY
  let x = gammaQuantileStart(p, shape)
  for (let i = 0; i < 200; i++) {
    const fx = f(x)
    if (fx === 0) return x
    if (fx < 0) lo = x
    else hi = x
    const density = gammaDensity(shape, x)
    let next: number
    if (density > 0 && Number.isFinite(density)) {
      const t = fx / density
      // Halley's correction, using d(log density)/dx = (shape - 1)/x - 1
      const u = t * ((shape - 1) / x - 1)
      next = x - t / (1 - 0.5 * Math.min(1, u))
    } else {
      next = Number.NaN
    }
    if (!(next > lo && next < hi)) {
      // the step left the bracket: bisect (or grow the bracket when no upper bound is known yet)
      next = hi === Number.POSITIVE_INFINITY ? Math.max(2 * x, 1) : 0.5 * (lo + hi)
    }
    const step = Math.abs(next - x)
    x = next
    if (step <= 1e-15 * x) break
    if (hi !== Number.POSITIVE_INFINITY && hi - lo <= 4e-16 * hi) break
  }
  return x
}

/** The chi-squared quantile with `df` degrees of freedom (R's `qchisq(p, df)`); df 0 gives 0, as in R. */
export function chiSquaredQuantile(p: number, df: number): number {
  return 2 * gammaQuantile(p, df / 2)
}
