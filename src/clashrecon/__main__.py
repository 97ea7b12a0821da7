from clashrecon.cli import main

main()
