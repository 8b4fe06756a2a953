"""The pair's file exchange (issue 11, docs/binome.md): the pair phrase and keys, the summary."""
