"""What every plugin shares: the build state of one run, problems, addresses.

Not a Pelican plugin (nothing to register): the bottom layer the plugins import.
"""
