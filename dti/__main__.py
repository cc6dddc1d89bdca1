from dti.cli import main

main()
