"""Use cases: each opens one transaction, applies the rules, writes the audit, and commits."""
