"""Our Pelican plugins. Each folder is one plugin with a register() function."""
