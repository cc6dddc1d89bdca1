"""Reading files: grids of cell texts (CSV, XLSX), header aliases, unit registers."""
