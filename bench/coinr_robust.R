# COINr's uncertainty analysis on the job of `dti robust`: main-index weights ±25 %, N replications.
#
#   Rscript bench/coinr_robust.R POINTS.csv META.csv N
#
# POINTS.csv (written by bench/robust.py --coinr): uCode, then each component's points (NA = missing).
# META.csv: code, parent, level (1 component, 2 main index, 3 total), max_points.
# The coin: components -> main indices -> DTI, weights = max points, missing = 0 points (i_zero),
# n_scaled to points / max × 100, weighted arithmetic means. get_noisy_weights perturbs the level-2
# weights by ±25 % (COINr renormalises them in the mean, as dti rescales to 1,000) and
# get_sensitivity(SA_type = "UA") regenerates the coin N times. Prints: N, seconds.
suppressPackageStartupMessages(library(COINr))

args <- commandArgs(trailingOnly = TRUE)
points <- read.csv(args[1], check.names = FALSE, colClasses = c(uCode = "character"))
meta <- read.csv(args[2], colClasses = c(code = "character", parent = "character"))
n <- as.integer(args[3])

comp <- meta[meta$level == 1 & meta$max_points > 0, ]
mains <- meta[meta$level == 2 & meta$max_points > 0, ]
iData <- points[, c("uCode", comp$code)]
iMeta <- rbind(
  data.frame(iCode = comp$code, iName = comp$code, Parent = comp$parent, Level = 1, Direction = 1,
             Weight = comp$max_points, Type = "Indicator", scaled_lower = 0,
             scaled_upper = comp$max_points, scale_factor = 100),
  data.frame(iCode = mains$code, iName = mains$code, Parent = "DTI", Level = 2, Direction = 1,
             Weight = mains$max_points, Type = "Aggregate", scaled_lower = NA, scaled_upper = NA,
             scale_factor = NA),
  data.frame(iCode = "DTI", iName = "DTI", Parent = NA, Level = 3, Direction = 1, Weight = 1,
             Type = "Aggregate", scaled_lower = NA, scaled_upper = NA, scale_factor = NA)
)
i_zero <- function(x) {
  x[is.na(x)] <- 0
  x
}
coin <- new_coin(iData, iMeta, level_names = c("Component", "Main index", "DTI"), quietly = TRUE)
coin <- Impute(coin, dset = "Raw", f_i = "i_zero", warn_on_NAs = FALSE)
coin <- Normalise(coin, dset = "Imputed", global_specs = list(f_n = "n_scaled", f_n_para = "use_iMeta"))
coin <- Aggregate(coin, dset = "Normalised", f_ag = "a_amean")

set.seed(1)
start <- Sys.time()
noisy <- get_noisy_weights(w = coin$Meta$Weights$Original,
                           noise_specs = data.frame(Level = 2, NoiseFactor = 0.25), Nrep = n)
specs <- list(Weights = list(Address = "$Log$Aggregate$w", Distribution = noisy, Type = "discrete"))
ua <- get_sensitivity(coin, SA_specs = specs, N = n, SA_type = "UA", dset = "Aggregated", iCode = "DTI",
                      quietly = TRUE, check_addresses = FALSE)
seconds <- as.numeric(difftime(Sys.time(), start, units = "secs"))
cat(n, seconds, "\n")
