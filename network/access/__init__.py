"""Who may do what: the caller (`Principal`), roles, scopes and the small rules every
domain asks. The ground floor: imports nothing of the domains, the API or the web."""
