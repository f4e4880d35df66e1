"""Entry script of the bundle: the same main() the `addressbook` command runs.

PyInstaller needs a script file; addressbook/__main__.py uses package imports, so the
bundle starts here and calls into the package as any installed entry point would.
"""

import sys

from addressbook.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
