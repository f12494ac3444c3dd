# Reference values for lib/domain/statistics, produced with R's survival package.
# Run from the repository root:
#   Rscript lib/domain/statistics/reference/statistics-reference.R
# Writes JSON fixtures into lib/domain/statistics/fixtures/. Deterministic: no random numbers.
# jsonlite is not installed here, so a tiny writer below prints numbers at 15 significant digits.
# Sources: survival (Therneau) survdiff / coxph / datasets lung, veteran, ovarian, aml;
# stats::binom.test (Clopper-Pearson), pgamma, pbeta, qbeta, pnorm, qnorm, pchisq.

suppressPackageStartupMessages(library(survival))

out_dir <- file.path("lib", "domain", "statistics", "fixtures")
if (!dir.exists(out_dir)) stop("run from the repository root (", out_dir, " not found)")

# ---- minimal JSON writer -------------------------------------------------------------
# A length-1 vector is a scalar unless wrapped in I(); NA / non-finite numbers become null.
json_num <- function(x) {
  ifelse(is.finite(x), sprintf("%.15g", x), "null")
}
json_str <- function(x) paste0('"', gsub('"', '\\\\"', gsub("\\\\", "\\\\\\\\", x)), '"')
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.null(x)) return("null")
  if (is.factor(x)) x <- as.character(x)
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    parts <- vapply(x, to_json, character(1), indent = inner)
    if (!is.null(names(x))) {
      body <- paste0(inner, json_str(names(x)), ": ", parts, collapse = ",\n")
      return(paste0("{\n", body, "\n", indent, "}"))
    }
    return(paste0("[\n", paste0(inner, parts, collapse = ",\n"), "\n", indent, "]"))
  }
  vals <- if (is.character(x)) json_str(x) else if (is.logical(x)) ifelse(x, "true", "false") else json_num(as.numeric(x))
  if (length(x) == 1 && !inherits(x, "AsIs")) return(vals)
  paste0("[", paste(vals, collapse = ", "), "]")
}
write_fixture <- function(x, file) {
  path <- file.path(out_dir, file)
  writeLines(to_json(x), path)
  cat("wrote", path, "\n")
}

# ---- datasets ------------------------------------------------------------------------
lung0 <- lung
lung0$event <- lung0$status - 1 # lung codes 1 = censored, 2 = dead
lung_ecog <- lung0[!is.na(lung0$ph.ecog), ]
lung_months <- lung0
# heavy ties: follow-up in whole months (rounded up), 228 patients over 34 distinct times
lung_months$time <- ceiling(lung0$time / 30.4375)
veteran0 <- veteran
veteran0$event <- veteran0$status
ovarian0 <- ovarian
aml0 <- aml
aml0$nonmaintained <- as.numeric(aml0$x == "Nonmaintained")
# censoring at the last time, a censoring tied with deaths, a group censored before any death
last_censored <- data.frame(
  time  = c(1, 2, 2, 3, 4, 4, 5, 6, 7, 8, 8, 9, 10, 10, 12, 12, 0.5, 0.5),
  event = c(1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0),
  arm   = c("A", "B", "A", "B", "A", "A", "B", "B", "A", "B", "A", "B", "B", "A", "A", "B", "C", "C"),
  dose  = c(2.5, 1.0, 3.1, 0.7, 2.2, 1.8, 0.9, 1.4, 2.9, 0.5, 2.0, 1.1, 0.8, 2.6, 3.3, 1.2, 1.5, 2.4)
)
# monotone likelihood: every death among x = 1 happens while x = 0 subjects are still at risk
monotone <- data.frame(
  time  = 1:10,
  event = c(1, 1, 1, 1, 1, 0, 1, 0, 1, 0),
  x     = c(1, 1, 1, 1, 1, 0, 0, 0, 0, 0)
)

# ---- log-rank (survdiff, rho = 0) ----------------------------------------------------
logrank_case <- function(name, data, group) {
  g <- data[[group]]
  fit <- survdiff(Surv(data$time, data$event) ~ g)
  labels <- if (is.factor(g)) levels(g) else sort(unique(g))
  df <- sum(fit$exp > 0) - 1
  list(
    name = name,
    time = data$time, event = data$event, group = if (is.numeric(g)) g else as.character(g),
    chisq = fit$chisq, df = df, p = pchisq(fit$chisq, df, lower.tail = FALSE),
    groups = lapply(seq_along(labels), function(i) list(
      group = labels[i], n = as.numeric(fit$n[i]), observed = fit$obs[i], expected = fit$exp[i]
    ))
  )
}
logrank <- list(
  logrank_case("lung by sex", lung0, "sex"),
  logrank_case("lung by ph.ecog (4 groups)", lung_ecog, "ph.ecog"),
  logrank_case("lung (months, heavy ties) by sex", lung_months, "sex"),
  logrank_case("veteran by trt", veteran0, "trt"),
  logrank_case("veteran by celltype (4 groups)", veteran0, "celltype"),
  logrank_case("ovarian by rx", transform(ovarian0, time = futime, event = fustat), "rx"),
  logrank_case("aml by x", transform(aml0, event = status), "x"),
  logrank_case("censored at last time, group C censored before any death", last_censored, "arm")
)
write_fixture(logrank, "logrank-reference.json")

# ---- Cox proportional hazards ----------------------------------------------------------
cox_case <- function(name, data, vars, ties) {
  f <- as.formula(paste("Surv(time, event) ~", paste(vars, collapse = " + ")))
  fit <- suppressWarnings(coxph(f, data = data, ties = ties))
  s <- summary(fit)
  co <- s$coefficients
  ci <- s$conf.int
  list(
    name = name, ties = ties,
    time = data$time, event = data$event,
    covariates = setNames(lapply(vars, function(v) I(as.numeric(data[[v]]))), vars),
    terms = lapply(seq_along(vars), function(i) list(
      name = vars[i], coef = co[i, "coef"], se = co[i, "se(coef)"], hr = ci[i, "exp(coef)"],
      lower = ci[i, "lower .95"], upper = ci[i, "upper .95"], z = co[i, "z"], p = co[i, "Pr(>|z|)"]
    )),
    logLik = fit$loglik[2], logLikNull = fit$loglik[1],
    lrChisq = unname(s$logtest["test"]), lrDf = unname(s$logtest["df"]), lrP = unname(s$logtest["pvalue"]),
    # summary() rounds the Wald statistic to 2 decimals; fit$wald.test is the unrounded value
    waldChisq = unname(fit$wald.test), waldP = pchisq(unname(fit$wald.test), length(vars), lower.tail = FALSE),
    scoreChisq = unname(s$sctest["test"]), scoreP = unname(s$sctest["pvalue"]),
    iterations = fit$iter, n = fit$n, nEvent = fit$nevent
  )
}
cox <- list()
for (ties in c("efron", "breslow")) {
  cox <- c(cox, list(
    cox_case("lung ~ age", lung0, "age", ties),
    cox_case("lung ~ sex", lung0, "sex", ties),
    cox_case("lung ~ age + sex", lung0, c("age", "sex"), ties),
    cox_case("lung (months, heavy ties) ~ sex + age", lung_months, c("sex", "age"), ties),
    cox_case("veteran ~ karno", veteran0, "karno", ties),
    cox_case("veteran ~ trt + karno", veteran0, c("trt", "karno"), ties),
    cox_case("ovarian ~ age", transform(ovarian0, time = futime, event = fustat), "age", ties),
    cox_case("ovarian ~ rx + age", transform(ovarian0, time = futime, event = fustat), c("rx", "age"), ties),
    cox_case("aml ~ nonmaintained", transform(aml0, event = status), "nonmaintained", ties),
    cox_case("censored at last time ~ dose", last_censored, "dose", ties)
  ))
}
write_fixture(cox, "cox-reference.json")

# Monotone likelihood: R warns that the coefficient may be infinite; record what it reports.
# With iter.max = 5 the log-likelihood has not settled yet: R warns "Ran out of iterations".
mono_fit <- suppressWarnings(coxph(Surv(time, event) ~ x, data = monotone))
mono_short <- suppressWarnings(coxph(Surv(time, event) ~ x, data = monotone, iter.max = 5))
write_fixture(list(
  time = monotone$time, event = monotone$event, x = monotone$x,
  coef = unname(coef(mono_fit)), logLik = mono_fit$loglik[2], logLikNull = mono_fit$loglik[1],
  iterations = mono_fit$iter,
  shortMaxIterations = 5, shortCoef = unname(coef(mono_short)), shortIterations = mono_short$iter
), "cox-monotone-reference.json")

# ---- Clopper-Pearson (binom.test) ------------------------------------------------------
binom_case <- function(x, n, level = 0.95) {
  ci <- binom.test(x, n, conf.level = level)$conf.int
  list(successes = x, n = n, level = level, estimate = x / n, lower = ci[1], upper = ci[2])
}
binom <- list(
  binom_case(4, 43), binom_case(18, 43), binom_case(14, 43), binom_case(31, 43),
  binom_case(0, 43), binom_case(43, 43), binom_case(1, 1), binom_case(0, 1),
  binom_case(0, 5), binom_case(5, 5), binom_case(1, 1000), binom_case(500, 1000),
  binom_case(4, 43, 0.90), binom_case(18, 43, 0.99)
)
write_fixture(binom, "binom-reference.json")

# ---- special functions -----------------------------------------------------------------
lg_x <- c(1e-8, 0.1, 0.5, 1, 1.5, 2, 3.7, 10, 42.5, 171.3, 1e5)
pg <- expand.grid(a = c(0.5, 1, 2.5, 10, 50, 200), x = c(0.01, 0.5, 1, 3, 9.5, 30, 55, 180, 230))
pb <- expand.grid(a = c(0.5, 1, 4, 40, 500), b = c(0.5, 2, 40, 501), x = c(0.001, 0.05, 0.3, 0.5, 0.93, 0.9999))
qb <- expand.grid(a = c(0.5, 1, 4, 40, 500), b = c(0.5, 2, 40, 501), p = c(1e-6, 0.025, 0.5, 0.975))
zs <- c(-37, -10, -6, -3.2, -1.96, -0.5, 0, 0.3, 1.644853, 2.5, 7, 9)
ps <- c(1e-300, 1e-20, 1e-10, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999, 1 - 1e-12)
cs <- expand.grid(df = c(1, 2, 3, 7, 30), x = c(0.0001, 0.5, 3.84, 10, 40, 200))
write_fixture(list(
  lgamma = list(x = lg_x, value = lgamma(lg_x)),
  pgamma = list(a = pg$a, x = pg$x, lower = pgamma(pg$x, pg$a), upper = pgamma(pg$x, pg$a, lower.tail = FALSE)),
  pbeta = list(a = pb$a, b = pb$b, x = pb$x, value = pbeta(pb$x, pb$a, pb$b)),
  qbeta = list(a = qb$a, b = qb$b, p = qb$p, value = qbeta(qb$p, qb$a, qb$b)),
  pnorm = list(z = zs, value = pnorm(zs), upper = pnorm(zs, lower.tail = FALSE)),
  qnorm = list(p = ps, value = qnorm(ps)),
  pchisqUpper = list(df = cs$df, x = cs$x, value = pchisq(cs$x, cs$df, lower.tail = FALSE))
), "special-functions-reference.json")
