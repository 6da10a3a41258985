"""``python -m brewdesk``: the ``brewdesk`` command line."""

from brewdesk.cli import entry

if __name__ == "__main__":
    entry()
