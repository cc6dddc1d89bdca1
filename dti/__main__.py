from dti.cli import run

run()
