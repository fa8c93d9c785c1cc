"""Work in progress: wired into Pelican by its own issue."""


def register():
    pass
