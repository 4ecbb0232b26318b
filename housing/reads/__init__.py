"""What the faces read: each module one kind of record, as plain frozen values with names resolved.

A page, the JSON API and the councils' face read through here and write through `housing/services`;
derived states ("superseded") are worked out here once, and a read of a personal record writes its
view to the audit trail in the same short transaction.
"""
