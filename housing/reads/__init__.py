"""What pages and the API read, as frozen dataclasses with names resolved (faces import no SQL)."""
