# The comparison job of bench/COINR.md: score a wide DTI data file with COINr, as one R process.
#
#   Rscript bench/coinr.R DATA.csv OUT.csv [META.csv]
#
# DATA.csv is bench/generate.py's file (unit, then one text column per component, Vietnamese-formatted);
# META.csv (default: coinr_meta.csv beside DATA.csv) is bench/coinr_meta.py's flattening of the spec.
# Steps: read as text -> cell text to component points by each component's rule -> new_coin ->
# Impute (missing = 0 points, as dti scores it) -> Normalise (n_scaled to 0..100 of max points) ->
# Aggregate (weighted arithmetic mean, weights = max points) -> get_results (scores and ranks) -> CSV.
# COINr's index is a tree, so the hierarchy is components -> 9 main indices -> DTI; the three pillars
# (which share six foundation mains, a DAG) are not computed, and DTTM (worth 0 points) is left out.

suppressPackageStartupMessages(library(COINr))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: Rscript coinr.R DATA.csv OUT.csv [META.csv]")
data_path <- args[1]
out_path <- args[2]
meta_path <- if (length(args) >= 3) args[3] else file.path(dirname(data_path), "coinr_meta.csv")

raw <- read.csv(data_path, colClasses = "character", check.names = FALSE, encoding = "UTF-8",
                na.strings = character(0))
meta <- read.csv(meta_path, colClasses = "character", encoding = "UTF-8", na.strings = character(0))
meta$level <- as.integer(meta$level)
meta$max_points <- as.numeric(meta$max_points)
meta$target <- suppressWarnings(as.numeric(meta$target))

# --- cell text -> points, one vectorised pass per component -------------------------------------------
YES <- c("có", "co", "yes", "y", "true", "đạt", "dat", "đã", "rồi", "1")
NO <- c("không", "khong", "no", "n", "false", "chưa", "chua", "0")
fold <- function(x) tolower(trimws(gsub("[[:space:]]+", " ", x)))
as_number <- function(x) {  # "86,32%" -> 86.32, "6,5" -> 6.5, "" -> NA (no thousands grouping here)
  x <- gsub("[[:space:]%]", "", x)
  suppressWarnings(as.numeric(sub(",", ".", x, fixed = TRUE)))
}
pairs <- function(text, sep) {  # "a:1|b:2" -> named numeric c(a = 1, b = 2)
  kv <- strsplit(strsplit(text, "|", fixed = TRUE)[[1]], sep, fixed = TRUE)
  stats::setNames(as.numeric(vapply(kv, `[`, "", 2)), vapply(kv, `[`, "", 1))
}
to_points <- function(cells, m) {
  top <- m$max_points
  switch(m$rule,
    ratio = {
      v <- as_number(cells)
      if (m$scale == "fraction") v <- ifelse(grepl("%", cells, fixed = TRUE), v / 100, v)
      top * pmin(pmax(v / m$target, 0), 1)
    },
    points = pmin(pmax(as_number(cells), 0), top),
    thresholds = {
      v <- as_number(cells)
      steps <- pairs(m$steps, ":")
      p <- ifelse(is.na(v), NA_real_, 0)
      for (k in rev(seq_along(steps))) p[!is.na(v) & v >= as.numeric(names(steps)[k])] <- steps[[k]]
      p
    },
    choice = {
      options <- pairs(m$options, "=")
      unname(options[match(fold(cells), fold(names(options)))])
    },
    yesno = {
      w <- fold(cells)
      ifelse(w %in% YES, top, ifelse(w %in% NO, 0, NA_real_))
    },
    stop("rule not handled: ", m$rule))
}

scored <- meta[meta$level == 1 & meta$max_points > 0, ]  # DTTM's components are worth 0: left out
mains <- meta[meta$level == 2 & meta$max_points > 0, ]
total <- meta[meta$level == 3, ]

iData <- data.frame(uCode = raw$unit, stringsAsFactors = FALSE)
for (i in seq_len(nrow(scored))) {
  code <- scored$code[i]
  iData[[code]] <- to_points(raw[[code]], scored[i, ])
}

# --- the coin ----------------------------------------------------------------------------------------
iMeta <- rbind(
  data.frame(iCode = scored$code, iName = scored$code, Parent = scored$parent, Level = 1,
             Direction = 1, Weight = scored$max_points, Type = "Indicator",
             scaled_lower = 0, scaled_upper = scored$max_points, scale_factor = 100),
  data.frame(iCode = mains$code, iName = mains$code, Parent = "DTI", Level = 2,
             Direction = 1, Weight = mains$max_points, Type = "Aggregate",
             scaled_lower = NA, scaled_upper = NA, scale_factor = NA),
  data.frame(iCode = total$code, iName = total$code, Parent = NA, Level = 3,
             Direction = 1, Weight = 1, Type = "Aggregate",
             scaled_lower = NA, scaled_upper = NA, scale_factor = NA)
)

i_zero <- function(x) {  # dti scores a missing or unreadable component as 0 points
  x[is.na(x)] <- 0
  x
}

coin <- new_coin(iData, iMeta, level_names = c("Component", "Main index", "DTI"), quietly = TRUE)
coin <- Impute(coin, dset = "Raw", f_i = "i_zero", warn_on_NAs = FALSE)
coin <- Normalise(coin, dset = "Imputed",
                  global_specs = list(f_n = "n_scaled", f_n_para = "use_iMeta"))
coin <- Aggregate(coin, dset = "Normalised", f_ag = "a_amean")

scores <- get_results(coin, dset = "Aggregated", tab_type = "Aggs", use = "scores", nround = 6)
ranks <- get_results(coin, dset = "Aggregated", tab_type = "Aggs", use = "ranks")

# --- output: one row per unit, values on dti's 0..1 scale, then rank_<CODE> -----------------------------
codes <- c(total$code, mains$code)
ranks <- ranks[match(scores$uCode, ranks$uCode), ]
out <- data.frame(unit = scores$uCode, scores[codes] / 100, check.names = FALSE)
names(ranks)[names(ranks) %in% codes] <- paste0("rank_", names(ranks)[names(ranks) %in% codes])
out <- cbind(out, ranks[paste0("rank_", codes)])
out <- out[order(out$unit), ]
write.csv(out, out_path, row.names = FALSE, fileEncoding = "UTF-8")
