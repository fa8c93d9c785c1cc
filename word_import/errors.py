class ImportProblem(Exception):
    """The import cannot go on; the message is Russian and says what to do."""
