"""The analyst's year: owners, targets, tasks, deadlines, the received log, dates."""
