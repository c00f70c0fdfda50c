"""What every domain's GraphQL code shares: connections, global ids, enums, payload
errors, the loader helpers and the root fields that belong to no domain."""
