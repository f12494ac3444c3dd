# Reference values for lib/domain/survival, produced with R's survival package.
#
# Run from the repository root:
#   Rscript lib/domain/survival/reference/km-reference.R
# Writes one JSON fixture per dataset into lib/domain/survival/fixtures/. Deterministic
# (fixed seed, fixed datasets); needs only base R and the recommended package `survival`
# (jsonlite is not required: JSON is written by hand at 15 significant digits).
#
# Sources: Therneau T, survival package (survfit, quantile.survfit, print.survfit);
# Collett D, Modelling Survival Data in Medical Research, 3rd ed. (2015), section 2.4
# (SE of the median); Schemper M, Smith TL, Control Clin Trials 1996;17:343-346 (reverse KM).

suppressPackageStartupMessages(library(survival))

out_dir <- file.path("lib", "domain", "survival", "fixtures")
if (!dir.exists(out_dir)) stop("run from the repository root (", out_dir, " not found)")

tol <- sqrt(.Machine$double.eps)
z975 <- qnorm(0.975)
conf_types <- c("log", "log-log", "plain")

# ---- minimal JSON writer: named list -> object, unnamed list -> array, length-1 atomic -> scalar
json_num <- function(x) {
  if (is.na(x) || is.nan(x) || is.infinite(x)) "null" else sprintf("%.15g", x)
}
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      parts <- vapply(names(x), function(k) paste0("\"", k, "\": ", to_json(x[[k]])), "")
      return(paste0("{", paste(parts, collapse = ", "), "}"))
    }
    return(paste0("[", paste(vapply(x, to_json, ""), collapse = ", "), "]"))
  }
  if (length(x) != 1) stop("wrap vectors with as.list() before writing")
  if (is.character(x)) return(paste0("\"", x, "\""))
  if (is.logical(x)) return(if (is.na(x)) "null" else tolower(as.character(x)))
  json_num(as.numeric(x))
}

# ---- Collett (2015) section 2.4: SE(median) = SE(S(t50)) / f, f = (S(u) - S(l)) / (l - u)
collett_median <- function(fit) {
  med <- unname(quantile(fit, 0.5, conf.int = FALSE))
  if (is.na(med)) return(list(median = NA, lower = NA, upper = NA, seMedian = NA))
  ev <- fit$n.event > 0
  et <- fit$time[ev]
  es <- fit$surv[ev]
  u_cand <- c(0, et[es >= 0.55 - tol])
  s_cand <- c(1, es[es >= 0.55 - tol])
  u <- max(u_cand)
  s_u <- s_cand[which.max(u_cand)]
  l_idx <- which(es <= 0.45 + tol)
  if (length(l_idx) == 0) return(list(median = med, lower = NA, upper = NA, seMedian = NA))
  l <- et[min(l_idx)]
  s_l <- es[min(l_idx)]
  dens <- (s_u - s_l) / (l - u)
  se_s <- summary(fit, times = med)$std.err # Greenwood SE of S on the S scale
  if (is.nan(se_s) || dens <= 0) return(list(median = med, lower = NA, upper = NA, seMedian = NA))
  se_med <- se_s / dens
  list(median = med, lower = max(0, med - z975 * se_med), upper = med + z975 * se_med,
       seMedian = se_med, u = u, l = l, sU = s_u, sL = s_l, seSurvAtMedian = se_s)
}

describe <- function(name, note, time, status) {
  fits <- lapply(conf_types, function(ct) survfit(Surv(time, status) ~ 1, conf.type = ct))
  names(fits) <- conf_types
  f <- fits[["log"]]
  se_s <- ifelse(f$surv == 0, NA, f$surv * f$std.err)
  table <- lapply(seq_along(f$time), function(i) {
    row <- list(time = f$time[i], nRisk = f$n.risk[i], nEvent = f$n.event[i],
                nCensor = f$n.censor[i], surv = f$surv[i], se = se_s[i])
    for (ct in conf_types) row[[ct]] <- list(lower = fits[[ct]]$lower[i], upper = fits[[ct]]$upper[i])
    row
  })
  medians <- lapply(fits, function(ft) {
    q <- quantile(ft, 0.5)
    tb <- summary(ft)$table
    list(median = unname(q$quantile), lower = unname(q$lower), upper = unname(q$upper),
         printMedian = unname(tb["median"]), printLower = unname(tb["0.95LCL"]),
         printUpper = unname(tb["0.95UCL"]))
  })
  at <- sort(unique(c(0, quantile(time, c(0.1, 0.25, 0.5, 0.75, 0.9), type = 1, names = FALSE),
                      median(time) + 0.5, max(time), max(time) * 1.5)))
  at_rows <- lapply(conf_types, function(ct) {
    s <- summary(fits[[ct]], times = at, extend = TRUE)
    lapply(seq_along(s$time), function(i) list(time = s$time[i], nRisk = s$n.risk[i],
      surv = s$surv[i], se = s$std.err[i], lower = s$lower[i], upper = s$upper[i]))
  })
  names(at_rows) <- conf_types
  rev_fit <- survfit(Surv(time, 1 - status) ~ 1)
  rq <- quantile(rev_fit, 0.5)
  fixture <- list(
    name = name, note = note,
    generatedBy = paste0("R ", R.version$major, ".", R.version$minor, ", survival ",
                         as.character(packageVersion("survival"))),
    time = as.list(time), event = as.list(as.integer(status)),
    table = table, median = medians, at = as.list(at), survivalAt = at_rows,
    medianFollowUp = list(median = unname(rq$quantile), lower = unname(rq$lower),
                          upper = unname(rq$upper)),
    collett = collett_median(f)
  )
  writeLines(to_json(fixture), file.path(out_dir, paste0(name, ".json")))
  cat("wrote", name, "\n")
}

describe("aml", "survival::aml, both arms pooled", aml$time, aml$status)
describe("lung", "survival::lung, status - 1", lung$time, lung$status - 1)
describe("ovarian", "survival::ovarian (futime, fustat)", ovarian$futime, ovarian$fustat)
describe("veteran", "survival::veteran", veteran$time, veteran$status)
describe("lung-months", "lung times rounded to whole months (30.4375 d): heavy ties, events at time 0",
         round(lung$time / 30.4375), lung$status - 1)
describe("censored-at-last", "event and censoring tied at the same times; last observation censored",
         c(1, 2, 2, 3, 4, 4, 5, 6, 6, 7), c(1, 1, 0, 1, 1, 0, 0, 1, 0, 0))
describe("all-censored", "no events: S = 1 throughout", c(2, 4, 6, 8), c(0, 0, 0, 0))
describe("median-not-reached", "S stays above 0.5",
         c(1, 3, 4, 6, 8, 9, 10, 12, 15, 20), c(1, 0, 1, 0, 0, 0, 1, 0, 0, 0))
describe("flat-half-interior", "S = 0.5 exactly on [5, 7): median is the midpoint 6",
         1:10, c(1, 1, 1, 1, 1, 0, 1, 0, 1, 0))
describe("flat-half-to-end", "S = 0.5 from 4 to the last (censored) time 8: quantile() gives 6, print() gives 4",
         1:8, c(1, 1, 1, 1, 0, 0, 0, 0))
describe("hand", "hand-checkable: 3, 4+, 5, 5, 8+, 10 (ends at S = 0)",
         c(3, 4, 5, 5, 8, 10), c(1, 0, 1, 1, 0, 1))
set.seed(2012)
sim_t <- rexp(43, log(2) / 4.6)
sim_c <- runif(43, 6, 24)
describe("simulated-hcc", "43 simulated patients, exponential median 4.6 months, uniform censoring 6-24 months",
         round(pmin(sim_t, sim_c), 2), as.integer(sim_t <= sim_c))
