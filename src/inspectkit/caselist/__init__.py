"""Council case lists: the declared fields and codes, reading, validating."""
