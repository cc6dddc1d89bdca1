"""The committee report, built from a year's runs, earlier years, targets and the year's tracking."""
