from beleidsdata.cli.main import run

run()
