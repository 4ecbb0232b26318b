"""The command line (`flask --app api …`): thin commands over the same use cases as the pages and the API."""
