"""The JSON API (`/api/v1`): one blueprint per resource, thin views over `housing.services`."""
