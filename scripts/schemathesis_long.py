"""The long schemathesis run: the same test as the suite's (every operation of /api/v1/, every persona,
the same checks; each case sent as every persona), with many more examples per operation.

    .venv/bin/python scripts/schemathesis_long.py            # 200 examples each (about an hour)
    .venv/bin/python scripts/schemathesis_long.py 1000 -x    # more, stop at the first failure

The first argument is the number of examples; the rest go to pytest. Failures print a curl line to
reproduce them. Runs on SQLite unless LUOSHI_TEST_DATABASE=postgres.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST = "tests/security/test_schemathesis.py"


def main(argv: list[str]) -> int:
    examples = argv[0] if argv and argv[0].isdigit() else "200"
    rest = argv[1:] if argv and argv[0].isdigit() else argv
    env = {**os.environ, "LUOSHI_SCHEMATHESIS_EXAMPLES": examples}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--show-capture=no", TEST, *rest]
    return subprocess.call(command, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
